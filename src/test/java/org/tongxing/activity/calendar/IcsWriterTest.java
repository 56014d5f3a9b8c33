package org.tongxing.activity.calendar;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar writer: times in the session's own zone come back as the same instants
 * when a calendar app reads them, also across a DST change; one VTIMEZONE per zone;
 * statuses; the same entries give the same bytes.
 */
class IcsWriterTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final Instant STAMP = Instant.parse("2026-01-02T03:04:05Z");

	@Test
	void everyStartAndEndComesBackAsTheSameInstantWithTheSessionsZone() throws Exception {
		// Paris springs forward on 29 March 2026 at 02:00: 01:30 to 04:30 local is two
		// hours; New York falls back on 1 November 2026 at 02:00.
		List<CalendarEntry> entries = List.of(
				entry("signup-1@tongxing", LocalDateTime.of(2026, 3, 29, 1, 30), PARIS, 3),
				entry("signup-2@tongxing", LocalDateTime.of(2026, 11, 1, 0, 30), NEW_YORK, 3),
				entry("signup-3@tongxing", LocalDateTime.of(2026, 7, 14, 19, 0), PARIS, 2),
				entry("signup-4@tongxing", LocalDateTime.of(2026, 12, 5, 9, 0), BEIJING, 3));

		Calendar calendar = parse(IcsWriter.write("同行", entries));

		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			CalendarEntry entry = entries.get(i);
			VEvent event = events.get(i);
			assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(entry.uid());
			assertThat(instant(event.getDateTimeStart().getDate())).isEqualTo(entry.start());
			assertThat(instant(event.getDateTimeEnd().getDate())).isEqualTo(entry.end());
			assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
				.isEqualTo(entry.zone().getId());
			assertThat(event.getDateTimeEnd().getParameter("TZID").orElseThrow().getValue())
				.isEqualTo(entry.zone().getId());
		}
		List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
		assertThat(zones).extracting((zone) -> zone.getTimeZoneId().getValue())
			.containsExactly("Europe/Paris", "America/New_York", "Asia/Shanghai");
	}

	@Test
	void theWallClockWrittenIsTheSessionsLocalTime() {
		CalendarEntry paris = entry("signup-9@tongxing", LocalDateTime.of(2026, 3, 29, 1, 30), PARIS, 3);

		String ics = IcsWriter.write(null, List.of(paris));

		// three hours after 01:30 across the spring-forward is 05:30 on the wall
		assertThat(ics).contains("DTSTART;TZID=Europe/Paris:20260329T013000",
				"DTEND;TZID=Europe/Paris:20260329T053000");
	}

	@Test
	void statusesSummaryPlaceAndLinkAreWritten() throws Exception {
		CalendarEntry cancelled = new CalendarEntry("signup-5@tongxing", Instant.parse("2026-05-19T01:00:00Z"),
				Instant.parse("2026-05-19T04:00:00Z"), BEIJING, "触摸参观 · 引导员", "北京市东城区, 天安门", "已取消：下雨\n\n说明",
				URI.create("https://tongxing.example/activities/7"), true, false, STAMP);
		CalendarEntry tentative = new CalendarEntry("signup-6@tongxing", Instant.parse("2026-05-20T01:00:00Z"),
				Instant.parse("2026-05-20T04:00:00Z"), BEIJING, "[候补] 义卖 · 收银", null, null, null, false, true, STAMP);

		Calendar calendar = parse(IcsWriter.write("同行", List.of(cancelled, tentative)));

		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events.get(0).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(events.get(0).getSummary().getValue()).isEqualTo("触摸参观 · 引导员");
		assertThat(events.get(0).getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("北京市东城区, 天安门");
		assertThat(events.get(0).getProperty("DESCRIPTION").orElseThrow().getValue()).isEqualTo("已取消：下雨\n\n说明");
		assertThat(events.get(0).getProperty("URL").orElseThrow().getValue())
			.isEqualTo("https://tongxing.example/activities/7");
		assertThat(events.get(0).getDateTimeStamp().getDate()).isEqualTo(STAMP);
		assertThat(events.get(1).getProperty("STATUS").orElseThrow().getValue()).isEqualTo("TENTATIVE");
		assertThat(events.get(1).getProperty("LOCATION")).isEmpty();
		assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("同行");
	}

	@Test
	void theSameEntriesGiveTheSameDocumentWithCrlfLines() {
		List<CalendarEntry> entries = List.of(entry("signup-7@tongxing", LocalDateTime.of(2026, 6, 1, 9, 0), PARIS, 2));

		String first = IcsWriter.write("同行", entries);

		assertThat(IcsWriter.write("同行", entries)).isEqualTo(first);
		assertThat(first).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
	}

	@Test
	void anEmptyFeedIsAValidCalendar() throws Exception {
		Calendar calendar = parse(IcsWriter.write("同行", List.of()));

		assertThat(calendar.getComponents("VEVENT")).isEmpty();
		assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
	}

	static CalendarEntry entry(String uid, LocalDateTime start, ZoneId zone, int hours) {
		ZonedDateTime begins = start.atZone(zone);
		return new CalendarEntry(uid, begins.toInstant(), begins.toInstant().plusSeconds(hours * 3600L), zone,
				"活动 · 岗位", "地点", "说明", URI.create("https://tongxing.example/activities/1"), false, false, STAMP);
	}

	static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	static Instant instant(Temporal temporal) {
		return (temporal instanceof Instant instant) ? instant : ZonedDateTime.from(temporal).toInstant();
	}

}
