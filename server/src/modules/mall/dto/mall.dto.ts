import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type {
  MallCategoryReorderRequest,
  MallCategoryRequest,
  MallGoodsEnableRequest,
  MallGoodsKind,
  MallGoodsQuery,
  MallGoodsRequest,
  MallMyOrdersQuery,
  MallOrderQuery,
  MallOrderRequest,
  MallOrderStatus,
} from '@dangjian/shared';
import { PageQuery } from '../../../common/http/pagination.js';
import { trim } from '../../../common/http/validation.js';
import { IMAGE_KEY } from '../../files/files.service.js';

const MALL_GOODS_KINDS: MallGoodsKind[] = ['goods', 'service'];
const MALL_ORDER_STATUSES: MallOrderStatus[] = ['awaiting', 'picked_up', 'cancelled'];

export class MallCategoryDto implements MallCategoryRequest {
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 30, { message: '分类名称为1-30个字' }) name: string;
}

export class MallCategoryReorderDto implements MallCategoryReorderRequest {
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMinSize(1, { message: '请提交分类的顺序' }) @ArrayMaxSize(200) @IsInt({ each: true, message: '分类编号不正确' }) ids: number[];
}

export class MallGoodsQueryDto extends PageQuery implements MallGoodsQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt({ message: '分类编号不正确' }) categoryId?: number;
}

export class MallGoodsDto implements MallGoodsRequest {
  @ApiProperty() @IsInt({ message: '请选择分类' }) categoryId: number;
  @ApiProperty({ enum: MALL_GOODS_KINDS }) @IsIn(MALL_GOODS_KINDS, { message: '请选择商品或服务' }) kind: MallGoodsKind;
  @ApiProperty() @Transform(trim) @IsString() @Length(1, 60, { message: '名称为1-60个字' }) name: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @Length(0, 1000, { message: '介绍最多1000字' }) description?: string;
  @ApiProperty() @IsInt({ message: '兑换积分须为整数' }) @Min(1, { message: '兑换积分至少为1' }) @Max(1_000_000, { message: '兑换积分过大' }) pointsPrice: number;
  @ApiProperty() @IsInt({ message: '库存须为整数' }) @Min(0, { message: '库存不能为负数' }) @Max(1_000_000, { message: '库存过大' }) stock: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(9, { message: '最多9张图片' }) @Matches(IMAGE_KEY, { each: true, message: '图片无效，请重新上传' }) images?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: '上架状态不正确' }) enabled?: boolean;
}

export class MallGoodsEnableDto implements MallGoodsEnableRequest {
  @ApiProperty() @IsBoolean({ message: '上架状态不正确' }) enabled: boolean;
}

export class MallOrderDto implements MallOrderRequest {
  @ApiProperty() @IsInt({ message: '请选择商品' }) goodsId: number;
  @ApiProperty() @IsInt({ message: '数量须为整数' }) @Min(1, { message: '数量至少为1' }) @Max(99, { message: '一次最多兑换99件' }) quantity: number;
}

export class MallMyOrdersQueryDto extends PageQuery implements MallMyOrdersQuery {
  @ApiPropertyOptional({ enum: MALL_ORDER_STATUSES }) @IsOptional() @IsIn(MALL_ORDER_STATUSES, { message: '订单状态不正确' }) status?: MallOrderStatus;
}

export class MallOrderQueryDto extends MallMyOrdersQueryDto implements MallOrderQuery {
  @ApiPropertyOptional({ description: '订单号或6位取货码' }) @IsOptional() @Transform(trim) @IsString() @Length(0, 20, { message: '订单号或取货码不正确' }) q?: string;
}
