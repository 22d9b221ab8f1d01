/**
 * Pages and packages. The main package holds only the four tabs and the identity pages
 * (login / activation); every feature module lives in its own subpackage so the main package
 * stays within the 1 MB budget (scripts/check-size.mjs) and each module within 2 MB.
 * (Evaluated in Node at build time: do not import this file from app code.)
 */
const SUBPACKAGES: Array<[name: string, pages: string[]]> = [
  // 网上支部: a space's list (?kind=), a post (?id=), the post form, members, in-app messages.
  ['branch', ['index', 'post', 'compose', 'members', 'messages']],
  // 组织生活: my meetings (?phase=), a meeting (?id=); for branch admins the new-meeting form,
  // the invitee picker (?id=&action=) and the record form (?id=&action=&field=).
  ['meetings', ['index', 'detail', 'create', 'invite', 'record']],
  // 党费: my months (?year=) and paying, a payment's result (?paymentId=; the H5 simulator returns
  // there), 交费记录, 代缴, and for branch admins the month's paid / unpaid list (?orgId=&month=).
  ['dues', ['index', 'result', 'receipts', 'proxy', 'admin']],
  // 积分: my totals, my ledger (明细), the branch / organisation / tenant ranking and the
  // organisations' averages (排行, hidden when the tenant switched rankings off), 积分申报 (my
  // declarations) and its form.
  ['points', ['index', 'detail', 'ranking', 'declarations', 'declare']],
  // 党员e家: 心愿树 / 微捐赠 / 微心愿 (?kind=) with its views, an item (?id=) and the publish form
  // (?kind=; 微心愿 for branch admins, with the wisher's contact).
  ['mutual-aid', ['index', 'detail', 'compose']],
  // 随手拍: the 正能量 / 曝光台 feed, a post (?id=) with likes and comments, the form (?column=).
  ['snapshot', ['index', 'detail', 'compose']],
  // 积分商城: my mall balance and the goods by category, an item (?id=) with 兑换 and its 取货码,
  // 我的订单 (待领取 / 已领取 / 已取消, 取消兑换).
  ['mall', ['index', 'goods', 'orders']],
]

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/branch/index',
    'pages/dues/index',
    'pages/me/index',
    'pages/login/index',
    'pages/activate/index',
  ],
  subPackages: SUBPACKAGES.map(([name, pages]) => ({ root: `subpackages/${name}`, pages })),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '党建云',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f6f4f1',
  },
  tabBar: {
    color: '#6b6b6b',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/branch/index', text: '支部', iconPath: 'assets/tabbar/branch.png', selectedIconPath: 'assets/tabbar/branch-active.png' },
      { pagePath: 'pages/dues/index', text: '党费', iconPath: 'assets/tabbar/dues.png', selectedIconPath: 'assets/tabbar/dues-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
