import { useState } from 'react';
import { App, Image, Upload } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { UploadedImage } from '@dangjian/shared';
import { api, errorMessage } from '../../api';

export type ImageFile = UploadFile<UploadedImage>;

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/** An image already stored with a post, as an item of the upload list. */
export const storedImage = (img: { key: string; url: string }): ImageFile => ({ uid: img.key, name: img.key, status: 'done', url: img.url, response: { ...img, width: 0, height: 0 } });

/** The key to post for an uploaded image (undefined while it uploads or after it failed). */
export const imageKey = (f: ImageFile): string | undefined => (f.status === 'done' ? f.response?.key : undefined);

interface Props {
  value?: ImageFile[];
  onChange?: (files: ImageFile[]) => void;
  max: number;
}

/**
 * Images of a post (a Form control): each goes to POST /files/images as soon as it is chosen, with
 * its thumbnail; jpeg/png/webp up to 5 MB are checked here before the server checks them again.
 */
export function ImageUpload({ value = [], onChange, max }: Props) {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<string | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!TYPES.includes(file.type)) {
      message.error(`${file.name} 不是 JPG、PNG 或 WebP 图片`);
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      message.error(`${file.name} 超过 5MB`);
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps<UploadedImage>['customRequest'] = ({ file, onSuccess, onError }) => {
    api.files
      .image(file as File)
      .then((img) => onSuccess?.(img))
      .catch((e: unknown) => {
        message.error(errorMessage(e));
        onError?.(e instanceof Error ? e : new Error(errorMessage(e)));
      });
  };

  return (
    <>
      <Upload<UploadedImage>
        listType="picture-card"
        accept={TYPES.join(',')}
        multiple
        maxCount={max}
        fileList={value}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        onChange={({ fileList }) => onChange?.(fileList)}
        onPreview={(f) => setPreview(f.url ?? f.response?.url ?? f.thumbUrl ?? null)}
      >
        {value.length < max && (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>上传图片</div>
          </button>
        )}
      </Upload>
      {preview && <Image style={{ display: 'none' }} src={preview} preview={{ open: true, src: preview, onOpenChange: (open) => !open && setPreview(null) }} alt="" />}
    </>
  );
}
