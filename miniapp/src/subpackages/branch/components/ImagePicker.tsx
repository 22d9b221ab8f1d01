/**
 * Images of a post: thumbnails with ✕, and + that opens Taro.chooseImage (album or camera) and
 * uploads each picked image at once (POST /files/images), keeping the returned keys. Files over
 * 5 MB are refused before upload.
 */
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BranchImage } from '@dangjian/shared'
import { errorMessage } from '../../../services/errors'
import { IMAGE_MAX_BYTES, imageSrc, uploadImage, type ImageSource } from '../../../services/upload'
import '../../../styles/common.css'
import './ImagePicker.css'

export interface ImagePickerProps {
  images: BranchImage[]
  max: number
  onChange: (images: BranchImage[]) => void
  /** The form's message for this field (too few images…). */
  error?: string
}

type Picked = ImageSource & { size: number }

async function pick(count: number): Promise<Picked[] | null> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    // H5 adds the picked File (originalFileObj).
    const files = (res.tempFiles ?? []) as Array<Taro.chooseImage.ImageFile & { originalFileObj?: File }>
    return files.map((f) => ({ path: f.path, size: f.size, name: f.originalFileObj?.name, file: f.originalFileObj }))
  } catch {
    return null // cancelled
  }
}

export default function ImagePicker({ images, max, onChange, error }: ImagePickerProps) {
  const [uploading, setUploading] = useState(0)
  const [problem, setProblem] = useState<string | null>(null)

  const add = async () => {
    if (uploading) return
    const picked = await pick(max - images.length)
    if (!picked?.length) return
    setProblem(null)
    let current = images
    const tooBig = picked.filter((f) => f.size > IMAGE_MAX_BYTES).length
    const accepted = picked.filter((f) => f.size <= IMAGE_MAX_BYTES).slice(0, max - images.length)
    setUploading(accepted.length)
    for (const f of accepted) {
      try {
        const up = await uploadImage(f, { toast: false })
        current = current.concat({ key: up.key, url: up.url, width: up.width, height: up.height })
        onChange(current)
      } catch (e) {
        setProblem(`图片上传失败：${errorMessage(e)}`)
      }
      setUploading((n) => n - 1)
    }
    if (tooBig) setProblem(`${tooBig} 张图片超过 5MB，未上传`)
  }

  const remove = (key: string) => onChange(images.filter((i) => i.key !== key))
  const message = problem ?? error

  return (
    <View className={`bp-picker${message ? ' dj-field--error' : ''}`}>
      <View className='bp-picker__grid'>
        {images.map((img) => (
          <View key={img.key} className='bp-picker__cell'>
            <Image className='bp-picker__img' src={imageSrc(img.url)} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: images.map((i) => imageSrc(i.url)), current: imageSrc(img.url) })} />
            <Text className='bp-picker__remove' aria-label='移除' onClick={() => remove(img.key)}>
              ✕
            </Text>
          </View>
        ))}
        {uploading > 0 ? (
          <View className='bp-picker__cell bp-picker__cell--busy'>
            <Text className='bp-picker__busy'>{`上传中 ${uploading}`}</Text>
          </View>
        ) : images.length < max ? (
          <View className='bp-picker__cell bp-picker__add' hoverClass='dj-btn--hover' aria-label='添加图片' onClick={() => void add()}>
            <Text className='bp-picker__plus'>+</Text>
            <Text className='bp-picker__count'>{`${images.length}/${max}`}</Text>
          </View>
        ) : null}
      </View>
      {message ? <Text className='dj-field__error'>{message}</Text> : null}
    </View>
  )
}
