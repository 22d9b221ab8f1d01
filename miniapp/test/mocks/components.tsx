/** Taro components as plain DOM elements for @testing-library style tests. */
import { createElement, type ReactNode } from 'react'

type Props = { children?: ReactNode; className?: string; onClick?: () => void; [k: string]: unknown }

function make(tag: string, name: string) {
  const C = ({ children, className, onClick, hoverClass: _hover, ...rest }: Props) =>
    createElement(tag, { className, onClick, 'data-taro': name, ...rest }, children)
  C.displayName = name
  return C
}

export const View = make('div', 'View')
export const Text = make('span', 'Text')
export const Button = make('button', 'Button')
export const Image = make('img', 'Image')
export const Input = make('input', 'Input')
export const ScrollView = make('div', 'ScrollView')
export const Form = make('form', 'Form')
export const Label = make('label', 'Label')
