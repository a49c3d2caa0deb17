package dev.shimbun;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Page parameters are read whatever they hold, and no offset overflows. */
class PageNumberTests {

	@Test
	void listsForgiveAnyValue() {
		assertThat(PageNumber.lenient(null)).isEqualTo(1);
		assertThat(PageNumber.lenient("")).isEqualTo(1);
		assertThat(PageNumber.lenient("  ")).isEqualTo(1);
		assertThat(PageNumber.lenient("3")).isEqualTo(3);
		assertThat(PageNumber.lenient(" +3 ")).isEqualTo(3);
		assertThat(PageNumber.lenient("007")).isEqualTo(7);
		assertThat(PageNumber.lenient("0")).isEqualTo(1);
		assertThat(PageNumber.lenient("-1")).isEqualTo(1);
		assertThat(PageNumber.lenient("-2147483648")).isEqualTo(1);
		assertThat(PageNumber.lenient("2147483647")).isEqualTo(Integer.MAX_VALUE);
		assertThat(PageNumber.lenient("2147483648")).isEqualTo(Integer.MAX_VALUE);
		assertThat(PageNumber.lenient("9999999999999999999")).isEqualTo(Integer.MAX_VALUE);
		assertThat(PageNumber.lenient("0000000000000000000002")).isEqualTo(2);
		for (String garbage : new String[] { "abc", "1.5", "1e3", "2,3", "٣", "３", "0x10", "--1", "1 2", "\u0000" }) {
			assertThat(PageNumber.lenient(garbage)).as(garbage).isEqualTo(1);
		}
	}

	@Test
	void strictReadingTellsNumbersFromTheRest() {
		assertThat(PageNumber.strict(null)).hasValue(1);
		assertThat(PageNumber.strict("")).hasValue(1);
		assertThat(PageNumber.strict("0")).hasValue(0);
		assertThat(PageNumber.strict("-5")).hasValue(-5);
		assertThat(PageNumber.strict("99999999999999999999999")).hasValue(Integer.MAX_VALUE);
		assertThat(PageNumber.strict("-99999999999999999999999")).hasValue(Integer.MIN_VALUE);
		assertThat(PageNumber.strict("abc")).isEmpty();
		assertThat(PageNumber.strict("2,3")).isEmpty();
	}

	@Test
	void generatedValuesNeverFail() {
		Random random = new Random(2147483647L);
		String alphabet = "0123456789+- ,.e٣３";
		for (int i = 0; i < 5000; i++) {
			StringBuilder value = new StringBuilder();
			for (int n = random.nextInt(25); n > 0; n--) {
				value.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			int page = PageNumber.lenient(value.toString());
			assertThat(page).as(value.toString()).isPositive();
			OptionalInt strict = PageNumber.strict(value.toString());
			assertThat(strict.isEmpty() || value.toString().strip().matches("[+-]?[0-9]+") || value.isEmpty()
					|| value.toString().isBlank())
				.as(value.toString())
				.isTrue();
		}
	}

	@Test
	void fetchingAPagePastTheEndGivesTheLastAndNeverAnOverflowingOffset() {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			rows.add(i);
		}
		for (int asked : new int[] { 1, 2, 3, 4, 100, Integer.MAX_VALUE, 0, -7, Integer.MIN_VALUE }) {
			List<Long> offsets = new ArrayList<>();
			Page<Integer> page = PageNumber.fetch(asked, 20, (index) -> {
				PageRequest request = PageRequest.of(index, 20);
				offsets.add(request.getOffset());
				int from = (int) Math.min(request.getOffset(), rows.size());
				return new PageImpl<>(rows.subList(from, Math.min(from + 20, rows.size())), request, rows.size());
			});
			assertThat(offsets).as("page %d", asked)
				.allSatisfy((offset) -> assertThat(offset + 20).isLessThanOrEqualTo(Integer.MAX_VALUE));
			int expected = (asked <= 1) ? 1 : Math.min(asked, 3);
			assertThat(page.getNumber() + 1).as("page %d", asked).isEqualTo(expected);
			assertThat(page.getContent()).isNotEmpty();
		}
		Page<Integer> none = PageNumber.fetch(Integer.MAX_VALUE, 20,
				(index) -> new PageImpl<>(List.of(), PageRequest.of(index, 20), 0));
		assertThat(none.getContent()).isEmpty();
	}

}
