/**
 * Geometry of the slider puzzle (ID-2). The server draws the puzzle in its own pixel space
 * (`CaptchaChallenge.width × height`, e.g. 300 × 160) and checks the piece's left edge in that
 * space. The app shows it scaled to the width it has: every displayed length is challenge length ×
 * `scale`, and the handle moves the piece 1:1 on screen, so the offset sent back is
 * `round(handleX / scale)`.
 */

export interface SliderGeometry {
  /** Displayed px per challenge px. */
  scale: number;
  /** Displayed size of the background. */
  width: number;
  height: number;
  /** Displayed size and top of the piece. */
  pieceSize: number;
  pieceTop: number;
  /** Farthest the handle (and so the piece's left edge) can travel, displayed px. */
  maxX: number;
}

export interface ChallengeBox {
  width: number;
  height: number;
  pieceSize: number;
  pieceY: number;
}

export function sliderGeometry(challenge: ChallengeBox, displayWidth: number): SliderGeometry {
  const width = Math.max(1, displayWidth);
  const scale = width / challenge.width;
  const pieceSize = challenge.pieceSize * scale;
  return {
    scale,
    width,
    height: challenge.height * scale,
    pieceSize,
    pieceTop: challenge.pieceY * scale,
    maxX: Math.max(0, width - pieceSize),
  };
}

/** Keeps the handle on the track. */
export function clampHandle(x: number, geometry: Pick<SliderGeometry, 'maxX'>): number {
  if (!Number.isFinite(x)) return 0;
  return Math.min(Math.max(0, x), geometry.maxX);
}

/** The piece's left edge in the challenge's pixels, as the server expects it. */
export function challengeOffset(handleX: number, geometry: Pick<SliderGeometry, 'scale' | 'maxX'>): number {
  return Math.round(clampHandle(handleX, geometry) / geometry.scale);
}

/** Where the handle sits for a drag that moved the pointer from `startPointerX` to `pointerX`. */
export function dragPosition(startHandleX: number, startPointerX: number, pointerX: number, geometry: Pick<SliderGeometry, 'maxX'>): number {
  return clampHandle(startHandleX + (pointerX - startPointerX), geometry);
}
