/**
 * Opens a tab page and then shows a success toast there. On H5 Taro hides a toast when the route
 * changes away from the page that showed it, so there the toast waits for the route change to end;
 * mini-programs keep a toast across `switchTab`, so it shows once the switch succeeded.
 */
import Taro from '@tarojs/taro';

export async function switchTabWithToast(url: string, title: string): Promise<void> {
  const show = () => {
    void Taro.showToast({ title, icon: 'success', duration: 2000 });
  };
  if (process.env.TARO_ENV === 'h5') {
    let shown = false;
    const once = () => {
      Taro.eventCenter.off('__afterTaroRouterChange', once);
      if (!shown) {
        shown = true;
        show();
      }
    };
    Taro.eventCenter.on('__afterTaroRouterChange', once);
    await Taro.switchTab({ url });
    // Already on that tab (no route change): show it now.
    setTimeout(once, 1000);
    return;
  }
  await Taro.switchTab({ url });
  show();
}
