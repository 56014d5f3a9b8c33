package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.tongxing.volunteer.IdType;

import static org.assertj.core.api.Assertions.assertThat;

/** The national-fields columns: one value per header, in the platforms' words. */
class NationalColumnsTest {

	static NationalRow row(int corrections) {
		return new NationalRow(42, "TX000000042", "张三", IdType.RESIDENT_ID, "110***********1234", "图书义卖",
				LocalDate.of(2026, 4, 23), "北京市朝阳区", "收银", new BigDecimal("3.50"), new BigDecimal("2.00"), corrections,
				"外交部团委", "王老师", "青年志愿者小组", Instant.parse("2026-04-24T02:30:00Z"), "李四");
	}

	@Test
	void aRowHasOneValuePerHeaderInTheirOrder() {
		List<Object> values = NationalColumns.values(row(1), ZoneId.of("Asia/Shanghai"));
		assertThat(values).hasSameSizeAs(NationalColumns.HEADERS);
		assertThat(values).containsExactly("TX000000042", "张三", "居民身份证", "110***********1234", "图书义卖", "2026-04-23",
				"北京市朝阳区", "收银", new BigDecimal("3.5"), "外交部团委", "王老师", "青年志愿者小组", "2026-04-24 10:30", "李四",
				"已更正：原记 2 小时，更正 1 次", "42");
		assertThat(NationalColumns.HEADERS.get(NationalColumns.HOURS)).isEqualTo("服务时长(小时)");
	}

	@Test
	void anUncorrectedRowHasNoNoteAndEveryIdTypeHasItsName() {
		assertThat(NationalColumns.values(row(0), ZoneId.of("UTC")).get(14)).isNull();
		assertThat(NationalColumns.ID_TYPES).containsOnlyKeys(IdType.values());
	}

}
