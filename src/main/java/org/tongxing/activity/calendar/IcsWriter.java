package org.tongxing.activity.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * Writes calendar entries as an iCalendar (RFC 5545) document: each event's start and end
 * as wall-clock times with the TZID of the session's zone, and one VTIMEZONE for every
 * zone used, so clients never have to guess the zone. A zone the time-zone registry does
 * not know is written in UTC instead (still the right instant). The output depends only
 * on the entries: the same entries give the same bytes (an ETag can be its hash).
 */
final class IcsWriter {

	static final String PRODUCT_ID = "-//Tongxing//Tongxing Calendar//ZH";

	private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

	/** How often clients should refetch a feed (RFC 7986 and the de-facto X- name). */
	private static final String REFRESH = "PT1H";

	private IcsWriter() {
	}

	/**
	 * @param name the calendar's name as clients show it, or null (a single download)
	 */
	static String write(String name, List<CalendarEntry> entries) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT_ID));
		calendar.add(new Version(new ParameterList(), Version.VALUE_2_0));
		calendar.add(new CalScale(CalScale.VALUE_GREGORIAN));
		calendar.add(new Method("PUBLISH"));
		if (name != null) {
			calendar.add(new XProperty("X-WR-CALNAME", name));
			calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
			calendar.add(new XProperty("REFRESH-INTERVAL", new ParameterList(List.of(Value.DURATION)), REFRESH));
		}
		Map<ZoneId, TimeZone> zones = new LinkedHashMap<>();
		for (CalendarEntry entry : entries) {
			zones.computeIfAbsent(entry.zone(), (zone) -> REGISTRY.getTimeZone(zone.getId()));
		}
		zones.values().stream().filter((zone) -> zone != null).map(TimeZone::getVTimeZone).forEach(calendar::add);
		for (CalendarEntry entry : entries) {
			calendar.add(event(entry, zones.get(entry.zone())));
		}
		StringWriter out = new StringWriter();
		try {
			// no validation: the document is built from checked data, and validation
			// would reject nothing here but cost time on every fetch
			new CalendarOutputter(false).output(calendar, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static VEvent event(CalendarEntry entry, TimeZone zone) {
		VEvent event = new VEvent(false);
		event.add(new Uid(entry.uid()));
		event.add(new DtStamp(entry.stamp().truncatedTo(ChronoUnit.SECONDS)));
		if (zone != null) {
			event.add(new DtStart<>(entry.start().atZone(entry.zone())));
			event.add(new DtEnd<>(entry.end().atZone(entry.zone())));
		}
		else {
			event.add(new DtStart<>(entry.start()));
			event.add(new DtEnd<>(entry.end()));
		}
		event.add(new Summary(entry.summary()));
		if (entry.location() != null && !entry.location().isBlank()) {
			event.add(new Location(entry.location()));
		}
		if (entry.description() != null && !entry.description().isBlank()) {
			event.add(new Description(entry.description()));
		}
		if (entry.url() != null) {
			event.add(new Url(entry.url()));
		}
		event.add(new Status(entry.cancelled() ? "CANCELLED" : (entry.tentative() ? "TENTATIVE" : "CONFIRMED")));
		return event;
	}

	/** The latest of the instants (nulls ignored): an event's DTSTAMP. */
	static Instant latest(Instant... instants) {
		Instant latest = Instant.EPOCH;
		for (Instant instant : instants) {
			if (instant != null && instant.isAfter(latest)) {
				latest = instant;
			}
		}
		return latest;
	}

}
