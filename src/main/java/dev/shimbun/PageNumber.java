package dev.shimbun;

import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;

/**
 * Page numbers from query parameters ({@code ?page=}, {@code ?cpage=}), read so that no
 * value can fail a request, and pages fetched so that no offset overflows.
 * <ul>
 * <li>Lists (the comments of an article, search results, the admin lists) forgive: a
 * missing, empty, non-numeric or repeated value, zero or a negative number is page 1, and
 * a page after the last shows the last page.</li>
 * <li>Category pages, which search engines crawl, are strict: a value that is not a whole
 * number is a bad request (400), and a whole number outside 1 to the last page, however
 * large, is not found (404).</li>
 * </ul>
 */
public final class PageNumber {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

	private PageNumber() {
	}

	/**
	 * The page a list shows for a parameter: 1 for a missing, blank or non-numeric value
	 * and for numbers below 1; numbers too large for an {@code int} are
	 * {@link Integer#MAX_VALUE} (then the last page, see {@link #fetch}).
	 */
	public static int lenient(String value) {
		OptionalInt number = strict(value);
		return number.isPresent() ? Math.max(1, number.getAsInt()) : 1;
	}

	/**
	 * The number a parameter holds, clamped into the range of an {@code int}; 1 when it
	 * is missing or blank, empty when it is not a whole number (letters, decimals, a
	 * repeated parameter bound as {@code "2,3"}).
	 */
	public static OptionalInt strict(String value) {
		if (value == null || value.isBlank()) {
			return OptionalInt.of(1);
		}
		String number = value.strip();
		if (!WHOLE_NUMBER.matcher(number).matches()) {
			return OptionalInt.empty();
		}
		boolean negative = number.startsWith("-");
		String digits = number.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
		if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
			return OptionalInt.of(negative ? Integer.MIN_VALUE : Integer.MAX_VALUE);
		}
		long parsed = Long.parseLong(digits);
		return OptionalInt.of((int) (negative ? -parsed : parsed));
	}

	/**
	 * Fetches page {@code page} (from 1) of a list with pages of {@code size}, or its
	 * last page when the list ends before. The index given to {@code fetch} (from 0) is
	 * never so large that its offset overflows an {@code int} (Spring Data refuses
	 * those).
	 */
	public static <T> Page<T> fetch(int page, int size, IntFunction<Page<T>> fetch) {
		int largest = Integer.MAX_VALUE / size - 1;
		int index = Math.min(Math.max(page, 1) - 1, largest);
		Page<T> found = fetch.apply(index);
		if (found.getContent().isEmpty() && index > 0 && found.getTotalPages() > 0 && index >= found.getTotalPages()) {
			found = fetch.apply(found.getTotalPages() - 1);
		}
		return found;
	}

}
