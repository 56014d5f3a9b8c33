package org.tongxing.servicerecord.reports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tongxing.volunteer.IdType;

/**
 * The columns of the national-fields export, in the order and words of the record the
 * national platforms (全国志愿服务信息系统, 志愿北京) take in bulk: their upload templates are in
 * Chinese whatever the exporting admin's language, so the headers and ID type names here
 * are fixed Chinese (see docs/service-record-export.md). Pure: one row in, the cell
 * values out (numbers as numbers, everything else as text to be written through
 * SafeCells).
 */
public final class NationalColumns {

	public static final List<String> HEADERS = List.of("志愿者编号", "姓名", "证件类型", "证件号码", "活动名称", "服务日期", "服务地点", "服务内容",
			"服务时长(小时)", "组织单位", "活动负责人", "记录单位", "记录时间", "记录人", "更正说明", "记录编号");

	/** The index of the hours column (a number). */
	public static final int HOURS = 8;

	static final Map<IdType, String> ID_TYPES = Map.of(IdType.RESIDENT_ID, "居民身份证", IdType.PASSPORT, "护照",
			IdType.HK_MACAO_PERMIT, "港澳居民来往内地通行证", IdType.TAIWAN_PERMIT, "台湾居民来往大陆通行证",
			IdType.FOREIGNER_PERMANENT_RESIDENCE, "外国人永久居留身份证");

	private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private NationalColumns() {
	}

	/** The row's values in the order of {@link #HEADERS}; times in {@code zone}. */
	public static List<Object> values(NationalRow row, ZoneId zone) {
		List<Object> values = new ArrayList<>(HEADERS.size());
		values.add(row.volunteerNumber());
		values.add(row.name());
		values.add((row.idType() != null) ? ID_TYPES.get(row.idType()) : null);
		values.add(row.idNumberMasked());
		values.add(row.activityName());
		values.add((row.serviceDate() != null) ? row.serviceDate().toString() : null);
		values.add(row.place());
		values.add(row.content());
		values.add(hours(row.hours()));
		values.add(row.organisingUnit());
		values.add(row.lead());
		values.add(row.recordingUnit());
		values.add((row.recordedAt() != null) ? RECORDED.format(row.recordedAt().atZone(zone)) : null);
		values.add(row.recorder());
		values.add(
				row.corrected() ? "已更正：原记 " + plain(row.originalHours()) + " 小时，更正 " + row.corrections() + " 次" : null);
		values.add(String.valueOf(row.entryId()));
		return values;
	}

	/** Hours as a number, without trailing zeros. */
	static BigDecimal hours(BigDecimal hours) {
		return (hours != null) ? hours.stripTrailingZeros() : null;
	}

	static String plain(BigDecimal hours) {
		return (hours == null) ? "" : hours.stripTrailingZeros().toPlainString();
	}

}
