/**
 * A card with one text the member keeps (my notes, the speech outline, the self-evaluation):
 * prefilled with what was saved, 保存 sends it (PUT), the server's refusal shows under the box.
 */
import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { useAction } from '../../../hooks/useAction'
import { TEXT_MAX } from '../lib/form'
import '../../../styles/common.css'
import './panels.css'

export interface TextCardProps {
  /** Class suffix (mt-text--<name>), also used by the browser tests. */
  name: string
  title: string
  /** What was saved (null: nothing yet); `undefined` while it loads. */
  saved: string | null | undefined
  placeholder: string
  hint?: string
  buttonText?: string
  onSave: (content: string) => Promise<unknown>
}

export default function TextCard({ name, title, saved, placeholder, hint, buttonText = '保存', onSave }: TextCardProps) {
  const [text, setText] = useState(saved ?? '')
  const [kept, setKept] = useState(saved ?? '')
  const act = useAction()
  useEffect(() => {
    setText(saved ?? '')
    setKept(saved ?? '')
  }, [saved])

  const save = () => {
    const content = text.trim()
    if (!content) return act.setError(`请填写${title}`)
    void act.run('send', async () => {
      await onSave(content)
      setKept(content)
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
    })
  }

  const dirty = text.trim() !== kept.trim()
  return (
    <View className={`dj-card mt-panel mt-text mt-text--${name}`}>
      <View className='dj-section-title'>{title}</View>
      {hint ? <Text className='mt-panel__hint'>{hint}</Text> : null}
      <View className={`dj-field mt-text__field${act.error ? ' dj-field--error' : ''}`}>
        <Textarea
          className='bp-textarea mt-text__box'
          value={text}
          maxlength={TEXT_MAX}
          disabled={saved === undefined}
          placeholder={saved === undefined ? '加载中…' : placeholder}
          placeholderClass='dj-field__placeholder'
          onInput={(e) => {
            setText(String(e.detail.value ?? ''))
            act.setError(null)
          }}
        />
      </View>
      <ActionButton className='mt-text__save' kind={dirty ? 'primary' : 'ghost'} text={kept && !dirty ? '已保存' : buttonText} disabled={!dirty} loading={act.busy !== null} loadingText='保存中…' onClick={save} />
      {act.error ? <Text className='bp-form-error mt-panel__error'>{act.error}</Text> : null}
    </View>
  )
}
