/**
 * Pages and packages. The main package holds only the four tabs and the identity pages
 * (login / activation); every feature module lives in its own subpackage so the main package
 * stays within the 1 MB budget (scripts/check-size.mjs) and each module within 2 MB.
 * (Evaluated in Node at build time: do not import this file from app code.)
 */
const SUBPACKAGES = ['branch', 'meetings', 'dues', 'points', 'mutual-aid', 'snapshot', 'mall'] as const

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/branch/index',
    'pages/dues/index',
    'pages/me/index',
    'pages/login/index',
    'pages/activate/index',
  ],
  subPackages: SUBPACKAGES.map((name) => ({ root: `subpackages/${name}`, pages: ['index'] })),
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
