/**
 * A text box with its send button (a comment, a letter's reply): checks it is not empty, shows
 * the server's refusal under the box, and clears it once sent.
 */
import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import ActionButton from '../../../pages/activate/parts/ActionButton'
import { errorMessage } from '../../../services/errors'
import '../../../styles/common.css'

export interface TextComposerProps {
  placeholder: string
  maxlength: number
  buttonText: string
  busyText: string
  /** Shown when sent empty, e.g. 请填写评论. */
  emptyError: string
  /** Sends the trimmed text; a rejection's message shows under the box. */
  onSubmit: (content: string) => Promise<void>
  className?: string
}

export default function TextComposer({ placeholder, maxlength, buttonText, busyText, emptyError, onSubmit, className }: TextComposerProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const send = async () => {
    const content = text.trim()
    if (!content) return setError(emptyError)
    setBusy(true)
    setError(null)
    try {
      await onSubmit(content)
      setText('')
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`dj-field bp-composer${error ? ' dj-field--error' : ''}${className ? ` ${className}` : ''}`}>
      <Textarea
        className='bp-textarea'
        value={text}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='dj-field__placeholder'
        onInput={(e) => {
          setText(String(e.detail.value ?? ''))
          setError(null)
        }}
      />
      {error ? <Text className='dj-field__error'>{error}</Text> : null}
      <ActionButton text={buttonText} loading={busy} loadingText={busyText} onClick={() => void send()} />
    </View>
  )
}
