package org.tongxing.activity.roster;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sheet names of the roster export: what Excel accepts, whatever the positions are
 * called.
 */
class RosterDocumentsTest {

	@Test
	void sheetNamesDropForbiddenCharactersAndFitThirtyOneCharacters() {
		Set<String> taken = new HashSet<>();
		assertThat(RosterDocuments.sheetName("引导员[北门]:A/B*?\\", taken)).isEqualTo("引导员_北门__A_B___");
		String longName = "国际志愿服务交流周开幕式现场引导与礼宾接待岗位（上午场）第一组";
		String fitted = RosterDocuments.sheetName(longName, taken);
		assertThat(fitted).hasSize(31).isEqualTo(longName.substring(0, 31));
	}

	@Test
	void twoPositionsWithTheSameNameGetDistinctSheets() {
		Set<String> taken = new HashSet<>();
		String name = "国际志愿服务交流周开幕式现场引导与礼宾接待岗位（上午场）第一组";
		String first = RosterDocuments.sheetName(name, taken);
		String second = RosterDocuments.sheetName(name, taken);
		assertThat(second).isNotEqualTo(first).endsWith(" (2)").hasSizeLessThanOrEqualTo(31);
		assertThat(RosterDocuments.sheetName("引导员", taken)).isEqualTo("引导员");
		assertThat(RosterDocuments.sheetName("引导员", taken)).isEqualTo("引导员 (2)");
		assertThat(RosterDocuments.sheetName(" ", taken)).isEqualTo("-");
	}

}
