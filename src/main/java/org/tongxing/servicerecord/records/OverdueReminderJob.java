package org.tongxing.servicerecord.records;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.organisation.UnitId;
import org.tongxing.servicerecord.RecordsOverdue;
import org.tongxing.servicerecord.WorkingCalendar;

/**
 * Once a day ({@code tongxing.servicerecord.overdue-reminder-cron}, 09:00 in the
 * association's zone by default), on one node (ShedLock), tells each recording unit with
 * pending entries overdue or due within {@value #SOON_WORKING_DAYS} working days:
 * {@link RecordsOverdue}, which the notification module turns into reminders to the
 * unit's admins. Runs on working days only: an admin is not reminded on a holiday of a
 * deadline that holidays do not move.
 */
@Component
class OverdueReminderJob {

	static final int SOON_WORKING_DAYS = 2;

	private final JdbcClient jdbc;

	private final WorkingCalendar calendar;

	private final ApplicationEventPublisher events;

	private final ZoneId zone;

	OverdueReminderJob(JdbcClient jdbc, WorkingCalendar calendar, ApplicationEventPublisher events,
			@Value("${tongxing.account.time-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.events = events;
		this.zone = zone;
	}

	@Scheduled(cron = "${tongxing.servicerecord.overdue-reminder-cron:0 0 9 * * *}",
			zone = "${tongxing.account.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "servicerecord-overdue-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	@Transactional
	void daily() {
		LocalDate today = LocalDate.now(this.zone);
		if (this.calendar.days().isWorkingDay(today)) {
			remind(today);
		}
	}

	/**
	 * Publishes one {@link RecordsOverdue} per recording unit with pending entries
	 * overdue on {@code today} or due within two working days; in one transaction, so the
	 * events reach their listeners (after the commit) through the publication registry.
	 * @return the events published
	 */
	@Transactional
	List<RecordsOverdue> remind(LocalDate today) {
		LocalDate soon = this.calendar.days().plusWorkingDays(today, SOON_WORKING_DAYS);
		List<RecordsOverdue> found = this.jdbc.sql("""
				select recording_unit_id, count(*) filter (where due_on < :today) as overdue,
				       count(*) filter (where due_on >= :today) as due_soon, min(due_on) as oldest
				from service_entry
				where status = 'PENDING' and due_on <= :soon
				group by recording_unit_id order by recording_unit_id""")
			.param("today", today)
			.param("soon", soon)
			.query((rs, n) -> new RecordsOverdue(new UnitId(rs.getLong("recording_unit_id")), rs.getInt("overdue"),
					rs.getInt("due_soon"), rs.getObject("oldest", LocalDate.class)))
			.list();
		found.forEach(this.events::publishEvent);
		return found;
	}

}
