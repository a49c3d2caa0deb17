package dev.shimbun.media;

import static dev.shimbun.media.MediaRejectedException.broken;

/**
 * The structure of a WebP file: RIFF chunks holding either one VP8 (lossy) or VP8L
 * (lossless) bitstream, or an extended header ({@code VP8X}) with its canvas and either
 * one image or the frames of an animation ({@code ANMF}). The canvas and every frame are
 * checked against the budget, and each bitstream's size must match what declares it.
 */
final class WebpStructure {

	private final ImageBytes bytes;

	private final DecodeBudget budget;

	WebpStructure(ImageBytes bytes, DecodeBudget budget) {
		this.bytes = bytes;
		this.budget = budget;
	}

	ImageStructure.Facts read() {
		long riffSize = this.bytes.u32le(4);
		if (riffSize < 4 || 8 + riffSize > this.bytes.length()) {
			throw broken();
		}
		int end = (int) (8 + riffSize);
		int position = 12;
		String first = this.bytes.ascii(position, 4);
		if (!first.equals("VP8X")) {
			int[] size = bitstreamSize(position, end);
			this.budget.checkPixels(size[0], size[1]);
			this.budget.addFrame(size[0], size[1], 4);
			return new ImageStructure.Facts(size[0], size[1], 1, false, null, this.bytes.array());
		}
		int flags = this.bytes.u8(position + 8);
		int canvasWidth = this.bytes.u24le(position + 12) + 1;
		int canvasHeight = this.bytes.u24le(position + 15) + 1;
		this.budget.checkPixels(canvasWidth, canvasHeight);
		boolean animation = (flags & 0x02) != 0;
		boolean sawImage = false;
		position = next(position, end);
		while (position < end) {
			String chunk = this.bytes.ascii(position, 4);
			if (chunk.equals("ANMF")) {
				frame(position, end, canvasWidth, canvasHeight);
				sawImage = true;
			}
			else if (chunk.equals("VP8 ") || chunk.equals("VP8L")) {
				int[] size = bitstreamSize(position, end);
				if (animation || sawImage || size[0] != canvasWidth || size[1] != canvasHeight) {
					throw broken();
				}
				this.budget.addFrame(canvasWidth, canvasHeight, 4);
				sawImage = true;
			}
			position = next(position, end);
		}
		if (!sawImage) {
			throw broken();
		}
		int frames = this.budget.frames();
		return new ImageStructure.Facts(canvasWidth, canvasHeight, Math.max(1, frames), frames > 1, null,
				this.bytes.array());
	}

	/** Checks a frame of an animation: it lies on the canvas and holds its bitstream. */
	private void frame(int position, int end, int canvasWidth, int canvasHeight) {
		int data = position + 8;
		int x = this.bytes.u24le(data) * 2;
		int y = this.bytes.u24le(data + 3) * 2;
		int frameWidth = this.bytes.u24le(data + 6) + 1;
		int frameHeight = this.bytes.u24le(data + 9) + 1;
		if ((long) x + frameWidth > canvasWidth || (long) y + frameHeight > canvasHeight) {
			throw broken();
		}
		this.budget.checkPixels(frameWidth, frameHeight);
		this.budget.checkFrames(this.budget.frames() + 1L);
		this.budget.addFrame(frameWidth, frameHeight, 4);
		long frameEnd = data + this.bytes.u32le(position + 4);
		if (frameEnd > end) {
			throw broken();
		}
		int inner = data + 16;
		boolean frameImage = false;
		while (inner < frameEnd) {
			String frameChunk = this.bytes.ascii(inner, 4);
			if (frameChunk.equals("VP8 ") || frameChunk.equals("VP8L")) {
				int[] size = bitstreamSize(inner, (int) frameEnd);
				if (size[0] != frameWidth || size[1] != frameHeight) {
					throw broken();
				}
				frameImage = true;
			}
			inner = next(inner, (int) frameEnd);
		}
		if (!frameImage) {
			throw broken();
		}
	}

	/** The position after a RIFF chunk (its data is padded to an even length). */
	private int next(int position, int end) {
		long size = this.bytes.u32le(position + 4);
		long after = position + 8 + size + (size & 1);
		if (position + 8 + size > end) {
			throw broken();
		}
		return (int) Math.min(after, end);
	}

	/** Width and height from a VP8 (lossy key frame) or VP8L (lossless) header. */
	private int[] bitstreamSize(int position, int end) {
		String chunk = this.bytes.ascii(position, 4);
		int data = position + 8;
		if (position + 8 + this.bytes.u32le(position + 4) > end) {
			throw broken();
		}
		if (chunk.equals("VP8 ")) {
			// a key frame (bit 0 of the frame tag is 0), its start code, 14-bit sizes
			if ((this.bytes.u8(data) & 1) != 0 || this.bytes.u8(data + 3) != 0x9D || this.bytes.u8(data + 4) != 0x01
					|| this.bytes.u8(data + 5) != 0x2A) {
				throw broken();
			}
			int width = this.bytes.u16le(data + 6) & 0x3FFF;
			int height = this.bytes.u16le(data + 8) & 0x3FFF;
			if (width == 0 || height == 0) {
				throw broken();
			}
			return new int[] { width, height };
		}
		if (chunk.equals("VP8L")) {
			if (this.bytes.u8(data) != 0x2F) {
				throw broken();
			}
			long bits = this.bytes.u32le(data + 1);
			return new int[] { (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1 };
		}
		throw broken();
	}

}
