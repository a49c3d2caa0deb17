package dev.shimbun.media;

import static dev.shimbun.media.MediaRejectedException.broken;

/**
 * The structure of a GIF file: the logical screen, then extensions and image descriptors
 * (each frame with its LZW data in sub-blocks) up to the trailer. The screen and every
 * frame are checked against the budget.
 */
final class GifStructure {

	private final ImageBytes bytes;

	private final DecodeBudget budget;

	GifStructure(ImageBytes bytes, DecodeBudget budget) {
		this.bytes = bytes;
		this.budget = budget;
	}

	ImageStructure.Facts read() {
		int screenWidth = this.bytes.u16le(6);
		int screenHeight = this.bytes.u16le(8);
		if (screenWidth == 0 || screenHeight == 0) {
			throw broken();
		}
		this.budget.checkPixels(screenWidth, screenHeight);
		int flags = this.bytes.u8(10);
		int position = 13;
		if ((flags & 0x80) != 0) {
			position += 3 * (1 << ((flags & 0x07) + 1));
		}
		while (true) {
			int block = this.bytes.u8(position++);
			if (block == 0x3B) {
				break;
			}
			if (block == 0x21) {
				position = afterSubBlocks(position + 1);
			}
			else if (block == 0x2C) {
				int frameWidth = this.bytes.u16le(position + 4);
				int frameHeight = this.bytes.u16le(position + 6);
				int frameFlags = this.bytes.u8(position + 8);
				if (frameWidth == 0 || frameHeight == 0) {
					throw broken();
				}
				this.budget.checkPixels(frameWidth, frameHeight);
				this.budget.checkFrames(this.budget.frames() + 1L);
				this.budget.addFrame(frameWidth, frameHeight, 4);
				position += 9;
				if ((frameFlags & 0x80) != 0) {
					position += 3 * (1 << ((frameFlags & 0x07) + 1));
				}
				int codeSize = this.bytes.u8(position++);
				if (codeSize < 1 || codeSize > 11) {
					throw broken();
				}
				position = afterSubBlocks(position);
			}
			else {
				throw broken();
			}
		}
		int frames = this.budget.frames();
		if (frames == 0) {
			throw broken();
		}
		return new ImageStructure.Facts(screenWidth, screenHeight, frames, frames > 1, null, this.bytes.array());
	}

	private int afterSubBlocks(int position) {
		int index = position;
		while (true) {
			int size = this.bytes.u8(index++);
			if (size == 0) {
				return index;
			}
			index += size;
			if (index > this.bytes.length()) {
				throw broken();
			}
		}
	}

}
