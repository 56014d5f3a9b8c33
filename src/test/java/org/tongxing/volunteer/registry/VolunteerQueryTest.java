package org.tongxing.volunteer.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.UnitScope;
import org.tongxing.volunteer.VolunteerStatus;
import org.tongxing.volunteer.registry.VolunteerQuery.AgeBand;
import org.tongxing.volunteer.registry.VolunteerQuery.Columns;
import org.tongxing.volunteer.registry.VolunteerQuery.Sort;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerQueryTest {

	static final UnitScope ADMIN = UnitScope.subtrees(Set.of("/1/7/"));

	static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

	@Test
	void theScopeIsPartOfEveryStatement() {
		VolunteerQuery query = VolunteerQuery.in(ADMIN).text("王").subtree("/1/7/9/");
		for (VolunteerQuery.Sql sql : List.of(query.count(), query.page(Columns.LIST, 0, 25), query.all(Columns.EXPORT),
				query.countries())) {
			assertThat(sql.sql()).contains("v.unit_id in (select scope_unit.id from unit scope_unit");
			assertThat(sql.parameters()).containsEntry("unitScopePath0", "/1/7/%");
		}
	}

	@Test
	void aScopeThatSeesNothingFindsNothing() {
		assertThat(VolunteerQuery.in(UnitScope.nothing()).count().sql()).contains("where v.unit_id in (select")
			.contains("where false");
	}

	@Test
	void whatAUserTypesIsAlwaysAParameterNeverSql() {
		String evil = "x' or 1=1 --";
		VolunteerQuery.Sql sql = VolunteerQuery.in(ADMIN)
			.text(evil)
			.skill(evil, 2)
			.language(evil, 3)
			.qualification(evil, TODAY)
			.country(evil)
			.page(Columns.LIST, 0, 25);
		assertThat(sql.sql()).doesNotContain(evil).doesNotContain("1=1");
		assertThat(sql.parameters()).containsEntry("text", "%" + evil + "%")
			.containsEntry("skill", evil)
			.containsEntry("skillLevel", 2)
			.containsEntry("language", evil)
			.containsEntry("languageLevel", 3)
			.containsEntry("qualification", evil)
			.containsEntry("country", evil);
	}

	@Test
	void likeWildcardsInTheSearchTextAreLiteral() {
		assertThat(VolunteerQuery.in(ADMIN).text(" 100%_\\ ").count().parameters()).containsEntry("text",
				"%100\\%\\_\\\\%");
	}

	@Test
	void blankFiltersAddNoCondition() {
		String plain = VolunteerQuery.in(ADMIN).count().sql();
		String blank = VolunteerQuery.in(ADMIN)
			.text(" ")
			.skill("", 2)
			.language(null, 1)
			.qualification(" ", TODAY)
			.country("")
			.status(null)
			.age(null, TODAY)
			.subtree(null)
			.registeredFrom(null)
			.registeredBefore(null)
			.count()
			.sql();
		assertThat(blank).isEqualTo(plain);
	}

	@Test
	void ageBandsAreBoundsOnTheBirthDate() {
		// 18 to 35 on 2026-11-29: born 1990-11-30 .. 2008-11-29
		assertThat(VolunteerQuery.in(ADMIN).age(AgeBand.FROM_18_TO_35, TODAY).count().parameters())
			.containsEntry("bornFrom", LocalDate.of(1990, 11, 30))
			.containsEntry("bornTo", LocalDate.of(2008, 11, 29));
		assertThat(VolunteerQuery.in(ADMIN).age(AgeBand.UNDER_18, TODAY).count().parameters())
			.containsEntry("bornFrom", LocalDate.of(2008, 11, 30))
			.doesNotContainKey("bornTo");
		assertThat(VolunteerQuery.in(ADMIN).age(AgeBand.OVER_60, TODAY).count().parameters())
			.containsEntry("bornTo", LocalDate.of(1965, 11, 29))
			.doesNotContainKey("bornFrom");
	}

	@Test
	void sortingComesFromTheEnumAndEndsWithTheId() {
		assertThat(VolunteerQuery.in(ADMIN).sort(Sort.REGISTERED, true).page(Columns.LIST, 50, 25).sql())
			.endsWith("order by v.registered_at desc, v.id desc limit :limit offset :offset");
		assertThat(VolunteerQuery.in(ADMIN).sort(null, false).all(Columns.LIST).sql())
			.endsWith("order by v.name asc, v.id asc");
	}

	@Test
	void onlyTheUnmaskedExportSelectsCiphertexts() {
		assertThat(VolunteerQuery.in(ADMIN).all(Columns.LIST).sql()).doesNotContain("cipher");
		assertThat(VolunteerQuery.in(ADMIN).all(Columns.EXPORT).sql()).doesNotContain("cipher");
		assertThat(VolunteerQuery.in(ADMIN).all(Columns.EXPORT_UNMASKED).sql()).contains("v.id_number_cipher")
			.contains("v.phone_cipher");
	}

	@Test
	void statusIsBoundByName() {
		assertThat(VolunteerQuery.in(ADMIN).status(VolunteerStatus.SUSPENDED).count().parameters())
			.containsEntry("status", "SUSPENDED");
	}

}
