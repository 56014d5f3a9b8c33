package org.tongxing.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.tongxing.account.Accounts;
import org.tongxing.organisation.UnitScope;
import org.tongxing.organisation.UnitType;
import org.tongxing.organisation.UnitView;
import org.tongxing.organisation.Units;
import org.tongxing.volunteer.Consents;
import org.tongxing.volunteer.Guardian;
import org.tongxing.volunteer.IdType;
import org.tongxing.volunteer.NewVolunteer;
import org.tongxing.volunteer.Sex;
import org.tongxing.volunteer.VolunteerCatalogue;
import org.tongxing.volunteer.VolunteerDetails;
import org.tongxing.volunteer.VolunteerId;
import org.tongxing.volunteer.Volunteers;

/**
 * About 1,200 demo volunteers across the demo units, made by a deterministic generator
 * (the same names, numbers and statuses on every machine): some abroad at the missions,
 * some applicants waiting for approval (among them the sign-ups of one recruitment drive
 * at 吾心社), some suspended or departed, a few aged 14 to 18 with a guardian. Their ID
 * numbers are well formed but invented. The demo account {@code volunteer} is one of
 * them.
 */
@Component
class DemoVolunteers {

	static final String DATA_SET = "demo-volunteers";

	static final int COUNT = 1200;

	private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董",
			"袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
			"陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷",
			"侯", "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵", "万", "钱", "严", "武", "戴", "孔", "欧阳", "司马", "诸葛" };

	private static final String GIVEN_FEMALE = "芳娜敏静丽艳娟霞婷雪琳晶颖洁佳慧倩欣怡悦瑶萌璐蕾媛嘉雨思梦诗涵晓月秀兰";

	private static final String GIVEN_MALE = "伟强磊军勇杰涛明超辉刚健浩宇鹏斌峰亮宁睿博凯文昊俊航然轩晨阳东海毅";

	/**
	 * Beijing district codes and a few other cities: the first 6 digits of an ID number.
	 */
	private static final String[] REGIONS = { "110101", "110102", "110105", "110106", "110107", "110108", "110111",
			"110112", "120101", "310101", "310104", "320102", "330106", "370102", "420102", "430102", "440103",
			"440304", "500103", "510104", "610113", "650102" };

	private static final String[] AREAS = { "北京市东城区", "北京市西城区", "北京市朝阳区", "北京市海淀区", "北京市丰台区", "北京市石景山区", "北京市通州区",
			"北京市昌平区" };

	private static final String[] SKILLS = { "foreign-languages", "law", "first-aid", "teaching", "photography", "it",
			"translation", "event-organisation", "psychology", "writing" };

	private static final Map<String, String> MISSION_LANGUAGE = Map.of("美国", "en", "法国", "fr", "南非", "en");

	private final JdbcClient jdbc;

	private final EntityManager entityManager;

	private final Units units;

	private final Accounts accounts;

	private final Volunteers volunteers;

	DemoVolunteers(JdbcClient jdbc, EntityManager entityManager, Units units, Accounts accounts,
			Volunteers volunteers) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
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
		load();
		log.info("Loaded the demo data set '{}'", DATA_SET);
		return true;
	}

	private void load() {
		UnitScope system = UnitScope.everything(true);
		Map<String, UnitView> byName = this.units.list(system)
			.stream()
			.collect(Collectors.toMap(UnitView::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<UnitView> homes = homes(byName);
		UnitView wuxin = byName.get("吾心社");
		long drive = drive(wuxin);
		Random random = new Random(2013_04_23L);

		this.accounts.findByUsername("volunteer")
			.ifPresent((account) -> this.volunteers.registerExisting(account.id(),
					new NewVolunteer(
							details(0, "林晓雨", Sex.FEMALE, LocalDate.of(1996, 3, 8), byName.get("亚洲司青年志愿者小组"), random),
							Consents.current(true, true), NewVolunteer.ADMIN, null, null, Locale.SIMPLIFIED_CHINESE)));

		for (int i = 1; i < COUNT; i++) {
			Sex sex = random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
			String name = name(random, sex);
			UnitView unit = homes.get(random.nextInt(homes.size()));
			// the last 15 are the drive's sign-ups at 吾心社, waiting for approval
			boolean fromDrive = i >= COUNT - 15;
			if (fromDrive) {
				unit = wuxin;
			}
			LocalDate birthDate = birthDate(random, unit, i);
			boolean applicant = fromDrive || i % 40 == 7;
			NewVolunteer request = new NewVolunteer(details(i, name, sex, birthDate, unit, random),
					Consents.current(true, true), applicant ? NewVolunteer.REGISTRATION : NewVolunteer.ADMIN,
					fromDrive ? drive : null, null, (unit.type() == UnitType.MISSION_ABROAD && i % 3 == 0)
							? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
			VolunteerId id = this.volunteers.register(request);
			if (!applicant && i % 97 == 5) {
				this.volunteers.suspend(system, id, "连续三次报名后未到岗");
			}
			else if (!applicant && i % 53 == 11) {
				this.volunteers.markLeft(system, id, "工作调动");
			}
			if (i % 100 == 0) {
				// one transaction keeps the data set all-or-nothing; clearing keeps each
				// flush
				// from checking every volunteer loaded so far
				this.entityManager.flush();
				this.entityManager.clear();
			}
		}
	}

	/**
	 * Where volunteers serve: mostly the volunteer groups and societies, fewer elsewhere.
	 */
	private static List<UnitView> homes(Map<String, UnitView> byName) {
		List<UnitView> homes = new ArrayList<>();
		for (UnitView unit : byName.values()) {
			int weight = switch (unit.type()) {
				case VOLUNTEER_GROUP, SCHOOL_SOCIETY -> 6;
				case MISSION_ABROAD, AFFILIATED_UNIT -> 2;
				case DEPARTMENT, GRASSROOTS_BRANCH -> 1;
				case ASSOCIATION -> 0;
			};
			for (int i = 0; i < weight; i++) {
				homes.add(unit);
			}
		}
		return homes;
	}

	private long drive(UnitView unit) {
		// the drive of the demo's on-the-spot recruitment; its code is fixed so the
		// demo's
		// poster link is stable
		return this.jdbc.sql("""
				insert into recruitment_drive (code, name, unit_id, starts_on, ends_on)
				values ('wuxin-2026', '2026年秋季吾心社现场招募', :unit, :starts, :ends) returning id
				""")
			.param("unit", unit.id().value())
			.param("starts", LocalDate.of(2026, 9, 1))
			.param("ends", LocalDate.of(2027, 6, 30))
			.query(Long.class)
			.single();
	}

	private static String name(Random random, Sex sex) {
		String given = (sex == Sex.FEMALE) ? GIVEN_FEMALE : GIVEN_MALE;
		String surname = SURNAMES[(int) Math.min(SURNAMES.length - 1, Math.abs(random.nextGaussian()) * 30)];
		StringBuilder name = new StringBuilder(surname);
		int length = (random.nextInt(10) < 7) ? 2 : 1;
		for (int i = 0; i < length; i++) {
			name.append(given.charAt(random.nextInt(given.length())));
		}
		return name.toString();
	}

	private static LocalDate birthDate(Random random, UnitView unit, int i) {
		if (i % 150 == 3) {
			// a secondary-school pupil, 15 to 17 at the time of writing: needs a guardian
			return LocalDate.of(2009, 1, 1).plusDays(random.nextInt(900));
		}
		boolean student = unit.type() == UnitType.SCHOOL_SOCIETY || unit.name().equals("外交学院");
		LocalDate from = student ? LocalDate.of(1999, 1, 1) : LocalDate.of(1966, 1, 1);
		int span = student ? 8 * 365 : 34 * 365;
		return from.plusDays(random.nextInt(span));
	}

	private static VolunteerDetails details(int i, String name, Sex sex, LocalDate birthDate, UnitView unit,
			Random random) {
		String region = REGIONS[i % REGIONS.length];
		String sequence = String.format("%02d%d", (i / REGIONS.length) % 100, (sex == Sex.MALE) ? 1 : 2);
		String first17 = region + birthDate.toString().replace("-", "") + sequence;
		String idNumber = first17 + IdType.residentIdCheckDigit(first17);
		String phone = "1" + "3589".charAt(i % 4) + String.format("%09d", 100_000_000L + i * 7_919L % 899_999_999L);
		Map<String, Integer> skills = new LinkedHashMap<>();
		for (int s = random.nextInt(4); s > 0; s--) {
			skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(3));
		}
		Map<String, Integer> languages = new LinkedHashMap<>();
		languages.put("zh", 4);
		languages.put("en", 1 + random.nextInt(3));
		if (random.nextInt(6) == 0) {
			languages.put(VolunteerCatalogue.LANGUAGES.get(2 + random.nextInt(VolunteerCatalogue.LANGUAGES.size() - 2)),
					1 + random.nextInt(3));
		}
		Set<String> categories = new LinkedHashSet<>();
		for (int c = 1 + random.nextInt(3); c > 0; c--) {
			categories.add(VolunteerCatalogue.SERVICE_CATEGORIES
				.get(random.nextInt(VolunteerCatalogue.SERVICE_CATEGORIES.size())));
		}
		Set<String> availability = Set
			.of(VolunteerCatalogue.AVAILABILITY.get(random.nextInt(VolunteerCatalogue.AVAILABILITY.size())));
		boolean abroad = unit.type() == UnitType.MISSION_ABROAD;
		if (abroad) {
			languages.merge(MISSION_LANGUAGE.getOrDefault(unit.country(), "en"), 3, Math::max);
			phone = "+1" + String.format("%010d", 2_025_550_000L + i);
		}
		int age = java.time.Period.between(birthDate, LocalDate.of(2026, 11, 29)).getYears();
		Guardian guardian = (age < 18)
				? new Guardian(name.substring(0, 1) + "建国", "1390000" + String.format("%04d", i), true)
				: Guardian.none();
		return new VolunteerDetails(name, sex, birthDate, IdType.RESIDENT_ID, idNumber, phone,
				String.format("demo.v%04d@demo.tongxing.invalid", i), unit.id(),
				abroad ? null : AREAS[i % AREAS.length], skills, languages, categories, availability,
				abroad ? unit.country() : null, abroad ? unit.city() : null, abroad ? unit.timeZone() : null, guardian);
	}

}
