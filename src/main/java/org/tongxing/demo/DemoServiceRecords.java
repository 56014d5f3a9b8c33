package org.tongxing.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.AccountId;
import org.tongxing.account.Accounts;
import org.tongxing.activity.Activities;
import org.tongxing.activity.ActivityDetails;
import org.tongxing.activity.ActivityId;
import org.tongxing.activity.PositionDetails;
import org.tongxing.activity.PositionId;
import org.tongxing.activity.SessionDetails;
import org.tongxing.activity.SessionId;
import org.tongxing.activity.SignUps;
import org.tongxing.activity.Visibility;
import org.tongxing.organisation.UnitId;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.servicerecord.CheckIns;
import org.tongxing.servicerecord.Declaration;
import org.tongxing.servicerecord.ServiceRecords;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * Service records for the demo: the Asian department's weekly duty at the volunteers'
 * home over the past six weeks (five confirmed, last week's pending) with the demo
 * volunteer and nine others, a session running all of today for trying check-in, the demo
 * volunteer's declared hours that take her past her first star, and a campus talk of 吾心社
 * three weeks ago whose records are overdue for its admin.
 */
@Component
class DemoServiceRecords {

	static final String DATA_SET = "demo-service-records";

	private static final Logger log = LoggerFactory.getLogger(DemoServiceRecords.class);

	private static final UnitScope SYSTEM = UnitScope.everything(true);

	private static final ZoneId BEIJING = ZoneId.of(DemoActivities.BEIJING);

	private final JdbcClient jdbc;

	private final Activities activities;

	private final SignUps signUps;

	private final CheckIns checkIns;

	private final ServiceRecords records;

	private final Units units;

	private final Accounts accounts;

	private final Volunteers volunteers;

	DemoServiceRecords(JdbcClient jdbc, Activities activities, SignUps signUps, CheckIns checkIns,
			ServiceRecords records, Units units, Accounts accounts, Volunteers volunteers) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.signUps = signUps;
		this.checkIns = checkIns;
		this.records = records;
		this.units = units;
		this.accounts = accounts;
		this.volunteers = volunteers;
	}

	@Transactional
	public boolean loadOnce() {
		if (!DemoData.claim(this.jdbc, DATA_SET)) {
			return false;
		}
		Optional<AccountId> coordinator = this.accounts.findByUsername("coordinator").map((found) -> found.id());
		Optional<AccountId> volunteer = this.accounts.findByUsername("volunteer").map((found) -> found.id());
		if (coordinator.isEmpty() || volunteer.isEmpty()) {
			return false;
		}
		LocalDate today = LocalDate.now(BEIJING);
		UnitId asia = unit("亚洲司青年志愿者小组");
		List<VolunteerId> team = new ArrayList<>();
		this.volunteers.findByAccount(volunteer.get()).ifPresent((found) -> team.add(found.id()));
		team.addAll(activeOf(asia, 9, team));

		ActivityId duty = activity(asia, "志愿者之家值班（亚洲司）", "在部志愿者之家值班：接待来访、整理图书、登记借还。", "部机关志愿者之家");
		List<SessionId> past = new ArrayList<>();
		List<PositionId> positions = new ArrayList<>();
		for (int week = 6; week >= 1; week--) {
			LocalDate day = today.minusWeeks(week);
			SessionId session = this.activities.addSession(SYSTEM, duty,
					SessionDetails.at(day.atTime(14, 0), day.atTime(17, 0), DemoActivities.BEIJING));
			past.add(session);
			positions.add(this.activities.addPosition(SYSTEM, session, PositionDetails.open("值班志愿者", 12)));
		}
		SessionId now = this.activities.addSession(SYSTEM, duty,
				SessionDetails.at(today.atTime(8, 0), today.atTime(22, 0), DemoActivities.BEIJING));
		PositionId nowPosition = this.activities.addPosition(SYSTEM, now, PositionDetails.open("值班志愿者", 12));
		this.activities.publish(SYSTEM, duty);
		for (VolunteerId member : team) {
			for (PositionId position : positions) {
				this.signUps.addByHand(SYSTEM, position, member, "演示数据", coordinator.get());
			}
			this.signUps.addByHand(SYSTEM, nowPosition, member, "演示数据", coordinator.get());
		}
		for (int i = 0; i < past.size(); i++) {
			// one volunteer left early each week: the record shows the rounding rule
			attend(past.get(i), team.subList(1, team.size()), 14, 0, 17, 0, coordinator.get());
			attend(past.get(i), team.subList(0, 1), 14, 0, 16, 40 + i, coordinator.get());
			if (i < past.size() - 1) {
				this.records.confirmSession(SYSTEM, past.get(i), coordinator.get());
			}
		}

		LocalDate lastYear = today.minusYears(1);
		long marathon = this.records.declare(volunteer.get(),
				new Declaration("北京马拉松赛会志愿服务", lastYear.withMonth(10).withDayOfMonth(20), "天安门广场—奥林匹克公园", "北京马拉松组委会",
						new BigDecimal("8"), "补给站发放饮用水、引导选手。"),
				null);
		long community = this.records.declare(volunteer.get(),
				new Declaration("社区长期驻点服务（补录）", lastYear.withMonth(12).withDayOfMonth(31), "朝阳区团结湖街道", "团结湖街道志愿者协会",
						new BigDecimal("80"), "全年每周末在社区驻点服务，街道出具的服务证明已上传。"),
				null);
		this.records.confirm(SYSTEM, marathon, coordinator.get());
		this.records.confirm(SYSTEM, community, coordinator.get());

		UnitId wuxin = unit("吾心社");
		ActivityId talk = activity(wuxin, "吾心社校园宣讲志愿服务", "在校园宣讲活动中担任会场服务。", "外交学院展览路校区礼堂");
		LocalDate talkDay = today.minusDays(21);
		SessionId talkSession = this.activities.addSession(SYSTEM, talk,
				SessionDetails.at(talkDay.atTime(18, 30), talkDay.atTime(21, 0), DemoActivities.BEIJING));
		PositionId talkPosition = this.activities.addPosition(SYSTEM, talkSession, PositionDetails.open("会场服务", 10));
		this.activities.publish(SYSTEM, talk);
		List<VolunteerId> wuxinTeam = activeOf(wuxin, 8, List.of());
		for (VolunteerId member : wuxinTeam) {
			this.signUps.addByHand(SYSTEM, talkPosition, member, "演示数据", coordinator.get());
		}
		attend(talkSession, wuxinTeam, 18, 30, 21, 0, coordinator.get());
		log.info("Loaded the demo data set '{}'", DATA_SET);
		return true;
	}

	private void attend(SessionId session, List<VolunteerId> who, int fromHour, int fromMinute, int toHour,
			int toMinute, AccountId by) {
		LocalDate day = this.activities.findSession(session).orElseThrow().localStart().toLocalDate();
		this.checkIns.markAttended(SYSTEM, session, who, at(day, fromHour, fromMinute), at(day, toHour, toMinute), by);
	}

	private static java.time.Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(BEIJING).toInstant();
	}

	private List<VolunteerId> activeOf(UnitId unit, int count, List<VolunteerId> except) {
		return this.jdbc.sql("select id from volunteer where status = 'ACTIVE' and unit_id = ? order by id limit ?")
			.params(unit.value(), count + except.size())
			.query((rs, n) -> new VolunteerId(rs.getLong(1)))
			.list()
			.stream()
			.filter((id) -> !except.contains(id))
			.limit(count)
			.toList();
	}

	private ActivityId activity(UnitId unit, String title, String description, String place) {
		return this.activities.create(SYSTEM,
				new ActivityDetails(title, "<p>" + description + "</p>", null, unit, Set.of(), false, place, null,
						DemoActivities.BEIJING, Visibility.ASSOCIATION, null, "协调员办公室",
						"tongxing@demo.tongxing.invalid", null, 24),
				null);
	}

	private UnitId unit(String name) {
		return this.units.list(SYSTEM)
			.stream()
			.filter((unit) -> unit.name().equals(name))
			.map(UnitView::id)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The demo unit " + name + " is missing"));
	}

}
