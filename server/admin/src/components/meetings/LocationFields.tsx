import { Col, Form, InputNumber, Switch } from 'antd';
import type { MeetingLocation } from '@dangjian/shared';

export interface LocationValues {
  useLocation?: boolean;
  latitude?: number;
  longitude?: number;
  radiusMeters?: number;
}

/** The location check-in of the form's values, or null when switched off (MEET-8). */
export const toLocation = (v: LocationValues): MeetingLocation | null =>
  v.useLocation && v.latitude != null && v.longitude != null && v.radiusMeters != null ? { latitude: v.latitude, longitude: v.longitude, radiusMeters: v.radiusMeters } : null;

/** 定位签到 (MEET-8): optional, the venue's coordinates and the radius within which members may check in; columns of the form's row. */
export function LocationFields() {
  const form = Form.useFormInstance<LocationValues>();
  const on = Form.useWatch('useLocation', form) ?? false;
  const required = (what: string) => [{ required: on, message: `请填写${what}` }];
  return (
    <>
      <Col span={4}>
        <Form.Item name="useLocation" label="定位签到" valuePropName="checked" tooltip="党员在会场范围内可凭定位签到；不开启则只能扫码签到">
          <Switch checkedChildren="开启" unCheckedChildren="关闭" />
        </Form.Item>
      </Col>
      {on && (
        <>
          <Col span={6}>
            <Form.Item name="latitude" label="纬度" rules={required('纬度')}>
              <InputNumber min={-90} max={90} precision={6} style={{ width: '100%' }} placeholder="如 39.908823" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="longitude" label="经度" rules={required('经度')}>
              <InputNumber min={-180} max={180} precision={6} style={{ width: '100%' }} placeholder="如 116.39747" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="radiusMeters" label="签到半径" rules={required('签到半径')}>
              <InputNumber min={10} max={5000} precision={0} suffix="米" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
    </>
  );
}
