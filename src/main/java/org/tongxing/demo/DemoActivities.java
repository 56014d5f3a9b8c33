package org.tongxing.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.tongxing.activity.Approval;
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
import org.tongxing.planning.CampaignId;
import org.tongxing.planning.CampaignTargets;
import org.tongxing.planning.Measure;
import org.tongxing.planning.PlanId;
import org.tongxing.planning.PlanLevel;
import org.tongxing.planning.Plans;
import org.tongxing.planning.ThemeId;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * The seed's annual plan of 2013 with its two levels, themes and campaigns, and the
 * activities of the association's first year (all completed, with the people served the
 * seed reports): the book sale of the reading festival, the touch visit of 20 blind
 * residents, the Children's Day market, the summer child-care lectures, the Teachers' Day
 * visit, the campus tour of 7 universities, and from March 2014 the monthly canteen
 * campaign of the units' volunteer groups. Then a plan for the current year with
 * activities published for the coming weeks (dates relative to the day the demo is
 * loaded), positions of varied requirements, one at a mission abroad in its own time
 * zone, one online, one for a subtree only, and the demo volunteer signed up for two
 * sessions and waitlisted on a third. Built through the planning and activity APIs, so
 * places and counts are those the core keeps.
 */
@Component
class DemoActivities {

	static final String DATA_SET = "demo-activities";

	static final String BEIJING = "Asia/Shanghai";

	static final String CAMPUS_TOUR = "“外交走进高校”校园宣讲";

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	private static final UnitScope SYSTEM = UnitScope.everything(true);

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Activities activities;

	private final SignUps signUps;

	private final Units units;

	private final Accounts accounts;

	private final Volunteers volunteers;

	private Map<String, UnitView> byName;

	DemoActivities(JdbcClient jdbc, Plans plans, Activities activities, SignUps signUps, Units units, Accounts accounts,
			Volunteers volunteers) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.activities = activities;
		this.signUps = signUps;
		this.units = units;
		this.accounts = accounts;
		this.volunteers = volunteers;
	}

	/**
	 * Loads the data set unless it was loaded before (see {@link DemoData#loadOnce()}).
	 * @return whether it was loaded now
	 */
	@Transactional
	public boolean loadOnce() {
		if (!DemoData.claim(this.jdbc, DATA_SET)) {
			return false;
		}
		this.byName = this.units.list(SYSTEM)
			.stream()
			.collect(Collectors.toMap(UnitView::name, Function.identity(), (a, b) -> a));
		firstYear();
		canteen2014();
		currentYear(LocalDate.now(ZoneId.of(BEIJING)));
		log.info("Loaded the demo data set '{}'", DATA_SET);
		return true;
	}

	// --- 2013

	private void firstYear() {
		PlanId plan = this.plans.createPlan(SYSTEM, 2013, "外交部青年志愿服务活动 2013 年度计划",
				"面向部内和社会两个层面的年度志愿服务活动计划：部内以“友爱互助”为主题，社会层面分为“外交为民”和“外交扶贫”两个主题。", null);
		ThemeId mutualHelp = this.plans.addTheme(SYSTEM, plan, PlanLevel.INTERNAL, "友爱互助",
				"重点帮助在国外常驻人员和特殊情况下有特别需要的部内同事排解燃眉之急，倡导和谐文明的机关风尚。");
		CampaignId justTellUs = campaign(mutualHelp, "有事儿您说话", "为常驻国外人员和有特别需要的部内同事及家属排忧解难。", 6, 120, 300);
		CampaignId together = campaign(mutualHelp, "一路同行", "陪伴部内同事及其子女，共度节日与假期。", 4, 80, 200);
		campaign(mutualHelp, "文明用餐你我他", "倡导勤俭节约、文明用餐的机关风尚。", 2, 40, 0);

		ThemeId forThePeople = this.plans.addTheme(SYSTEM, plan, PlanLevel.SOCIETY, "外交为民",
				"号召和鼓励青年同志走出去，结合自身业务专长，向社会提供力所能及的便民服务。");
		campaign(forThePeople, "涉外和领保咨询进社区", "走进社区，提供涉外事务和领事保护咨询。", 4, 60, 500);
		CampaignId universities = campaign(forThePeople, "政策宣讲进高校", "走进在京重点高校，介绍外交工作、宣传外交队伍。", 7, 70, 3000);
		campaign(forThePeople, "寒冬送温暖", "冬季走访慰问困难群众。", 2, 40, 100);
		CampaignId care = campaign(forThePeople, "社会关爱", "助残日、教师节等节点的社会关爱志愿服务。", 2, 40, 60);

		ThemeId povertyRelief = this.plans.addTheme(SYSTEM, plan, PlanLevel.SOCIETY, "外交扶贫",
				"以外交部定点扶贫县为服务对象，配合外交扶贫工作需要，开展捐书、支教、助学等活动。");
		CampaignId books = campaign(povertyRelief, "捐书", "为定点扶贫县学校募集图书和文具。", 1, 30, 500);
		campaign(povertyRelief, "支教", "赴定点扶贫县或线上为当地学校支教。", 2, 20, 200);
		campaign(povertyRelief, "助学", "资助定点扶贫县的困难学生。", 1, 10, 100);

		UnitId coordinator = unit("协调员办公室");
		UnitId wuxin = unit("吾心社");
		past(books, coordinator, "第三届部读书节“趣味亲子献爱心”图书义卖", "所得善款用于为云南定点扶贫县援建小学添置教科书和文具。", "外交部机关大院",
				List.of(day(2013, 4, 26, 9, 16)), PositionDetails.open("义卖志愿者", 20), 500);
		past(care, coordinator, "全国助残日盲人“触摸参观”", "会同有关社会单位，组织北京市的 20 名盲人赴自然博物馆和天安门国旗护卫队“触摸参观”。", "北京自然博物馆；天安门国旗护卫队",
				List.of(day(2013, 5, 19, 8, 17)), PositionDetails.open("引导员", 20), 20);
		past(together, unit("办公厅团支部"), "“‘六一’儿童趣买献爱心”活动", "为部幼儿园的儿童节义卖活动提供全程服务，陪伴孩子们度过一个充实快乐的节日。", "外交部幼儿园",
				List.of(day(2013, 5, 31, 9, 12)), PositionDetails.open("活动服务", 15), 150);
		past(justTellUs, wuxin, "部暑期子女托管班志愿讲课", "安排外交学院志愿者到部暑期子女托管班讲课。", "外交部暑期子女托管班",
				List.of(day(2013, 8, 6, 9, 11), day(2013, 8, 13, 9, 11), day(2013, 8, 20, 9, 11)),
				PositionDetails.open("讲课志愿者", 4), 60);
		past(care, unit("亚洲司团支部"), "“践行群众路线 弘扬社会关爱”教师节慰问", "赴北京太阳村教育咨询中心开展教师节慰问活动。", "北京太阳村教育咨询中心",
				List.of(day(2013, 9, 10, 9, 15)), PositionDetails.open("慰问志愿者", 12), 100);

		String[][] campuses = { { "北京大学", "北京市海淀区颐和园路5号" }, { "清华大学", "北京市海淀区双清路30号" }, { "中国人民大学", "北京市海淀区中关村大街59号" },
				{ "北京师范大学", "北京市海淀区新街口外大街19号" }, { "北京外国语大学", "北京市海淀区西三环北路2号" }, { "中国政法大学", "北京市昌平区府学路27号" },
				{ "对外经济贸易大学", "北京市朝阳区惠新东街10号" } };
		LocalDate first = LocalDate.of(2013, 9, 17);
		List<SessionDetails> tour = new ArrayList<>();
		for (int i = 0; i < campuses.length; i++) {
			// about every ten days from mid-September to late November
			LocalDateTime start = first.plusDays(i * 11L).atTime(14, 0);
			tour.add(new SessionDetails(campuses[i][0], start, start.plusHours(2), BEIJING, false, campuses[i][1], null,
					null, null));
		}
		past(universities, unit("协调员办公室"), CAMPUS_TOUR, "参加团工委举办的校园宣讲活动，走进北大、清华等 7 所在京重点高校，向 3000 多名大学生介绍外交工作，宣传外交队伍。",
				"在京重点高校", tour, PositionDetails.open("宣讲人", 3), 3000);
	}

	private void canteen2014() {
		PlanId plan = this.plans.createPlan(SYSTEM, 2014, "外交部青年志愿服务活动 2014 年度计划", "延续部内、社会两个层面的年度计划。", null);
		ThemeId mutualHelp = this.plans.addTheme(SYSTEM, plan, PlanLevel.INTERNAL, "友爱互助", "部内友爱互助。");
		CampaignId dining = campaign(mutualHelp, "文明用餐你我他", "“我光盘，我光荣”文明用餐月度主题志愿服务活动。", 30, 300, 0);
		for (String group : List.of("办公厅青年志愿者小组", "亚洲司青年志愿者小组", "非洲司青年志愿者小组")) {
			List<SessionDetails> months = new ArrayList<>();
			// monthly on the second Wednesday, March to December 2014
			for (int month = 3; month <= 12; month++) {
				LocalDate day = LocalDate.of(2014, month, 1)
					.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY));
				months.add(SessionDetails.at(day.atTime(11, 30), day.atTime(13, 0), BEIJING));
			}
			past(dining, unit(group), "“我光盘，我光荣”文明用餐（" + group.replace("青年志愿者小组", "") + "）",
					"志愿者在就餐各个环节宣传和示范，换位体验食堂工作人员的辛苦与不易，弘扬取之有度、爱物知恩、尊重劳动、友爱互助的传统美德。", "部机关食堂", months,
					PositionDetails.open("文明用餐宣传员", 6), null);
		}
	}

	// --- the current year

	private void currentYear(LocalDate today) {
		int year = today.getYear();
		// a plan of the year made before the demo was loaded keeps its themes; the demo's
		// get a suffix there so their names cannot clash
		Optional<PlanId> existing = this.plans.findPlan(year);
		PlanId plan = existing.orElseGet(() -> this.plans.createPlan(SYSTEM, year, "外交部青年志愿服务活动 " + year + " 年度计划",
				"延续“友爱互助”“外交为民”“外交扶贫”三个主题。", null));
		String suffix = existing.isPresent() ? "（演示）" : "";
		ThemeId forThePeople = this.plans.addTheme(SYSTEM, plan, PlanLevel.SOCIETY, "外交为民" + suffix, "走出去，提供便民服务。");
		CampaignId consular = campaign(forThePeople, "涉外和领保咨询进社区", "走进社区和海外侨界，提供领事保护咨询。", 6, 80, 600);
		CampaignId campus = campaign(forThePeople, "政策宣讲进高校", "走进高校介绍外交工作。", 6, 40, 2000);
		CampaignId winter = campaign(forThePeople, "寒冬送温暖", "冬季走访慰问困难群众。", 2, 30, 100);
		ThemeId povertyRelief = this.plans.addTheme(SYSTEM, plan, PlanLevel.SOCIETY, "外交扶贫" + suffix, "捐书、支教、助学。");
		CampaignId teaching = campaign(povertyRelief, "线上支教", "为定点扶贫县学校线上授课。", 4, 40, 300);
		ThemeId mutualHelp = this.plans.addTheme(SYSTEM, plan, PlanLevel.INTERNAL, "友爱互助" + suffix, "部内友爱互助。");
		CampaignId dining = campaign(mutualHelp, "文明用餐你我他", "“我光盘，我光荣”月度活动。", 12, 120, 0);

		// community consular advice: English, a lawyer's licence, and open places
		ActivityId community = activity(consular, unit("领事司青年志愿者小组"), "领事保护知识进社区", "在社区活动中心讲解出境安全常识，解答居民的涉外和领事保护问题。",
				false, "北京市朝阳区团结湖社区活动中心", Visibility.PUBLIC, null);
		SessionId communitySession = session(community, today.plusDays(10), 14, 17, BEIJING);
		PositionId guide = position(communitySession, PositionDetails.open("现场引导", 6));
		position(communitySession, new PositionDetails("英语咨询员", "为外籍居民提供英语咨询。", 3, Approval.AUTOMATIC, null, Set.of(),
				Set.of("en"), Set.of()));
		position(communitySession, new PositionDetails("法律咨询律师", "解答涉外法律问题，须持律师执业证。", 2, Approval.AUTOMATIC, null,
				Set.of(), Set.of(), Set.of("lawyer-licence")));
		publish(community);

		// winter visit: adults only for the heavy lifting, organiser-approved visitors
		ActivityId visit = activity(winter, unit("非洲司团支部"), "寒冬送温暖走访慰问", "为社区困难老人送去棉被和米面油，陪老人聊天。", false, "北京市西城区展览路街道",
				Visibility.ASSOCIATION, null);
		SessionId visitSession = session(visit, today.plusDays(17), 9, 12, BEIJING);
		position(visitSession,
				new PositionDetails("物资搬运", "搬运慰问物资。", 8, Approval.AUTOMATIC, 18, Set.of(), Set.of(), Set.of()));
		position(visitSession, new PositionDetails("入户慰问", "入户陪伴老人，由组织者审核报名。", 4, Approval.ORGANISER, null, Set.of(),
				Set.of(), Set.of()));
		publish(visit);

		// a campus talk with one host's place, already taken: a waitlist forms
		ActivityId talk = activity(campus, unit("吾心社"), "外交官面对面：校园宣讲", "邀请青年外交官与同学们面对面交流。", false, "外交学院展览路校区礼堂",
				Visibility.ASSOCIATION, null);
		SessionId talkSession = session(talk, today.plusDays(12), 19, 21, BEIJING);
		PositionId host = position(talkSession, PositionDetails.open("主持人", 1));
		position(talkSession, PositionDetails.open("会场服务", 6));
		publish(talk);

		// at the embassy in Paris, in Paris time
		ActivityId paris = activity(consular, unit("驻法国使馆"), "在法中国留学生安全讲座", "为在法中国留学生讲解安全防范和领事保护常识。", false,
				"20 Rue Monsieur, 75007 Paris", Visibility.ASSOCIATION, "Europe/Paris");
		SessionId parisSession = session(paris, today.plusDays(20), 18, 20, "Europe/Paris");
		position(parisSession,
				new PositionDetails("法语翻译", null, 2, Approval.AUTOMATIC, null, Set.of(), Set.of("fr"), Set.of()));
		position(parisSession, PositionDetails.open("会场服务", 5));
		publish(paris);

		// online teaching for the designated county's school
		ActivityId online = activity(teaching, unit("外交学院"), "云南定点扶贫县小学线上英语课", "通过视频会议为云南定点扶贫县援建小学的孩子们上英语课。", true,
				"https://meeting.example.org/tongxing-zhijiao", Visibility.ASSOCIATION, null);
		SessionId onlineSession = session(online, today.plusDays(8), 19, 20, BEIJING);
		PositionId assistant = position(onlineSession, PositionDetails.open("课堂助教", 4));
		publish(online);

		// the Asian department's own canteen day, seen only in its subtree
		ActivityId canteen = activity(dining, unit("亚洲司青年志愿者小组"), "“我光盘，我光荣”文明用餐（亚洲司）", "亚洲司青年志愿者小组的月度文明用餐宣传。", false,
				"部机关食堂", Visibility.SUBTREE, null);
		LocalDate wednesday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
		SessionId canteenSession = this.activities.addSession(SYSTEM, canteen,
				SessionDetails.at(wednesday.atTime(11, 30), wednesday.atTime(13, 0), BEIJING));
		position(canteenSession, PositionDetails.open("文明用餐宣传员", 6));
		publish(canteen);

		// the host's place goes to another demo volunteer, added by the organiser; then
		// the demo volunteer signs up for two sessions and joins the host's waitlist
		Optional<AccountId> account = this.accounts.findByUsername("volunteer").map((found) -> found.id());
		long own = account.flatMap(this.volunteers::findByAccount).map((found) -> found.id().value()).orElse(-1L);
		this.jdbc.sql("""
				select id from volunteer
				where status = 'ACTIVE' and email like 'demo.v%@demo.tongxing.invalid' and id <> ?
				order by id limit 1""")
			.param(own)
			.query((rs, n) -> new VolunteerId(rs.getLong(1)))
			.optional()
			.ifPresent((volunteer) -> this.signUps.addByHand(SYSTEM, host, volunteer, "演示数据", null));
		account.ifPresent((volunteer) -> {
			signUp(volunteer, guide);
			signUp(volunteer, assistant);
			signUp(volunteer, host);
		});
	}

	// --- helpers

	private CampaignId campaign(ThemeId theme, String name, String description, long activities, long participations,
			long peopleServed) {
		CampaignTargets targets = CampaignTargets.of(Measure.ACTIVITIES, activities)
			.with(Measure.PARTICIPATIONS, java.math.BigDecimal.valueOf(participations));
		if (peopleServed > 0) {
			targets = targets.with(Measure.PEOPLE_SERVED, java.math.BigDecimal.valueOf(peopleServed));
		}
		return this.plans.addCampaign(SYSTEM, theme, name, description, targets);
	}

	/**
	 * A completed activity of the first years, with its sessions and one position each.
	 */
	private void past(CampaignId campaign, UnitId unit, String title, String description, String address,
			List<SessionDetails> sessions, PositionDetails position, Integer peopleServed) {
		ActivityId id = activity(campaign, unit, title, description, false, address, Visibility.PUBLIC, null);
		List<SessionId> ids = this.activities.addSessions(SYSTEM, id, sessions, null);
		this.activities.addPositions(SYSTEM,
				ids.stream()
					.collect(Collectors.toMap(Function.identity(), (session) -> List.of(position), (a, b) -> a,
							java.util.LinkedHashMap::new)));
		this.activities.publish(SYSTEM, id);
		this.activities.complete(SYSTEM, id, peopleServed);
	}

	private ActivityId activity(CampaignId campaign, UnitId unit, String title, String description, boolean online,
			String place, Visibility visibility, String zone) {
		UnitId visibilityUnit = (visibility == Visibility.SUBTREE) ? unit("亚洲司") : null;
		return this.activities.create(SYSTEM,
				new ActivityDetails(title, "<p>" + description + "</p>", campaign, unit, Set.of(), online,
						online ? null : place, online ? place : null, (zone != null) ? zone : BEIJING, visibility,
						visibilityUnit, "协调员办公室", "tongxing@demo.tongxing.invalid", null, 24),
				null);
	}

	private SessionId session(ActivityId activity, LocalDate day, int fromHour, int toHour, String zone) {
		return this.activities.addSession(SYSTEM, activity,
				SessionDetails.at(day.atTime(fromHour, 0), day.atTime(toHour, 0), zone));
	}

	private PositionId position(SessionId session, PositionDetails details) {
		return this.activities.addPosition(SYSTEM, session, details);
	}

	private void publish(ActivityId activity) {
		this.activities.publish(SYSTEM, activity);
	}

	private void signUp(AccountId account, PositionId position) {
		this.signUps.signUp(account, position);
	}

	private UnitId unit(String name) {
		UnitView unit = this.byName.get(name);
		if (unit == null) {
			throw new IllegalStateException("The demo unit " + name + " is missing");
		}
		return unit.id();
	}

	private static SessionDetails day(int year, int month, int day, int fromHour, int toHour) {
		LocalDate date = LocalDate.of(year, month, day);
		return SessionDetails.at(date.atTime(LocalTime.of(fromHour, 0)), date.atTime(LocalTime.of(toHour, 0)), BEIJING);
	}

}
