package dev.shimbun.article;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Rows from any offset, not only at multiples of the page size: sitemap pages share their
 * first page with the pages that are not articles.
 */
record OffsetRequest(long offset, int limit) implements Pageable {

	@Override
	public int getPageNumber() {
		return (int) (this.offset / this.limit);
	}

	@Override
	public int getPageSize() {
		return this.limit;
	}

	@Override
	public long getOffset() {
		return this.offset;
	}

	@Override
	public Sort getSort() {
		return Sort.unsorted();
	}

	@Override
	public Pageable next() {
		return new OffsetRequest(this.offset + this.limit, this.limit);
	}

	@Override
	public Pageable previousOrFirst() {
		return new OffsetRequest(Math.max(0, this.offset - this.limit), this.limit);
	}

	@Override
	public Pageable first() {
		return new OffsetRequest(0, this.limit);
	}

	@Override
	public Pageable withPage(int pageNumber) {
		return new OffsetRequest((long) pageNumber * this.limit, this.limit);
	}

	@Override
	public boolean hasPrevious() {
		return this.offset > 0;
	}

}
