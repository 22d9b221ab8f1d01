/** PageShell turns the request layer's errors into states: network failure → 重试. */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { PageShell } from '../src/components/PageShell'
import { createApiError, createNetworkError } from '../src/services/errors'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let container: HTMLDivElement
let root: Root

beforeEach(() => {
  container = document.createElement('div')
  document.body.appendChild(container)
  root = createRoot(container)
})

afterEach(() => {
  act(() => root.unmount())
  container.remove()
})

const render = (el: JSX.Element) => act(() => root.render(el))
const button = (text: string) => Array.from(container.querySelectorAll('[data-taro="View"]')).find((n) => n.textContent === text) as HTMLElement | undefined

test('network error: 网络连接失败 with a 重试 button that calls onRetry', () => {
  const onRetry = jest.fn()
  render(<PageShell error={createNetworkError()} onRetry={onRetry}><span>content</span></PageShell>)
  expect(container.textContent).toContain('网络连接失败')
  expect(container.textContent).not.toContain('content')
  act(() => button('重试')!.click())
  expect(onRetry).toHaveBeenCalledTimes(1)
})

test("API error: shows the server's message", () => {
  render(<PageShell error={createApiError(403, { code: 'FORBIDDEN', message: '没有权限执行此操作' })} onRetry={() => undefined} />)
  expect(container.textContent).toContain('加载失败')
  expect(container.textContent).toContain('没有权限执行此操作')
})

test('loading, empty, then content', () => {
  render(<PageShell loading><span>content</span></PageShell>)
  expect(container.textContent).toContain('加载中')
  render(<PageShell empty emptyTitle='暂无通知' emptyText='稍后再来看看' />)
  expect(container.textContent).toContain('暂无通知')
  expect(container.textContent).toContain('稍后再来看看')
  render(<PageShell><span>content</span></PageShell>)
  expect(container.textContent).toBe('content')
})
