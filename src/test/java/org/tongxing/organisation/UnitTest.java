package org.tongxing.organisation;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.tongxing.organisation.domain.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnitTest {

	@Test
	void childPathExtendsTheParentsPath() {
		Unit root = UnitMother.root();
		Unit department = UnitMother.department(root, 5);
		Unit group = UnitMother.department(department, 12);
		assertThat(group.path()).isEqualTo("/1/5/12/");
		assertThat(group.view().depth()).isEqualTo(2);
		assertThat(group.parentId()).isEqualTo(5L);
	}

	@Test
	void creatingRegistersUnitCreated() {
		Unit unit = UnitMother.root()
			.createChild(7, UnitDetails.of("亚洲司", "Department of Asian Affairs", UnitType.DEPARTMENT));
		assertThat(unit.pullEvents()).containsExactly(new UnitCreated(new UnitId(7), new UnitId(1), "/1/7/"));
	}

	@Test
	void closedUnitTakesNoSubUnits() {
		Unit department = UnitMother.department(UnitMother.root(), 5);
		department.close("merged", Instant.now(), 0);
		assertThatExceptionOfType(UnitClosedException.class)
			.isThrownBy(() -> department.createChild(6, UnitDetails.of("小组", null, UnitType.VOLUNTEER_GROUP)));
	}

	@Test
	void unitCannotMoveUnderItself() {
		Unit department = UnitMother.department(UnitMother.root(), 5);
		assertThatExceptionOfType(MoveIntoOwnSubtreeException.class).isThrownBy(() -> department.moveUnder(department))
			.satisfies((e) -> assertThat(e.field()).isEqualTo("parentId"));
	}

	@Test
	void unitCannotMoveUnderItsDescendant() {
		Unit department = UnitMother.department(UnitMother.root(), 5);
		Unit grandchild = UnitMother.department(UnitMother.department(department, 6), 7);
		assertThatExceptionOfType(MoveIntoOwnSubtreeException.class).isThrownBy(() -> department.moveUnder(grandchild));
		assertThat(department.path()).isEqualTo("/1/5/");
	}

	@Test
	void siblingWhoseIdSharesAPrefixIsNotADescendant() {
		Unit root = UnitMother.root();
		Unit one = UnitMother.department(root, 1_0);
		Unit hundred = UnitMother.department(root, 100);
		one.moveUnder(hundred);
		assertThat(one.path()).isEqualTo("/1/100/10/");
	}

	@Test
	void moveRewritesPathAndRegistersUnitMoved() {
		Unit root = UnitMother.root();
		Unit from = UnitMother.department(root, 5);
		Unit to = UnitMother.department(root, 9);
		Unit moving = UnitMother.department(from, 12);
		String oldPath = moving.moveUnder(to);
		assertThat(oldPath).isEqualTo("/1/5/12/");
		assertThat(moving.path()).isEqualTo("/1/9/12/");
		assertThat(moving.parentId()).isEqualTo(9L);
		assertThat(moving.pullEvents())
			.containsExactly(new UnitMoved(new UnitId(12), new UnitId(5), new UnitId(9), "/1/5/12/", "/1/9/12/"));
	}

	@Test
	void rootCannotMove() {
		Unit root = UnitMother.root();
		Unit department = UnitMother.department(root, 5);
		assertThatExceptionOfType(RootUnitException.class).isThrownBy(() -> root.moveUnder(department));
	}

	@Test
	void rootCannotClose() {
		assertThatExceptionOfType(RootUnitException.class)
			.isThrownBy(() -> UnitMother.root().close("no", Instant.now(), 0));
	}

	@Test
	void unitCannotMoveUnderAClosedUnit() {
		Unit root = UnitMother.root();
		Unit closed = UnitMother.department(root, 5);
		closed.close("merged", Instant.now(), 0);
		Unit moving = UnitMother.department(root, 6);
		assertThatExceptionOfType(UnitClosedException.class).isThrownBy(() -> moving.moveUnder(closed));
	}

	@Test
	void missionNeedsAValidIanaTimeZone() {
		Unit root = UnitMother.root();
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> root.createChild(5, UnitMother.mission("Europe/Pariss")))
			.satisfies((e) -> assertThat(e.field()).isEqualTo("timeZone"));
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> root.createChild(5, UnitMother.mission("+01:00")))
			.satisfies((e) -> assertThat(e.messageKey()).isEqualTo("organisation.error.timeZoneInvalid"));
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> root.createChild(5, UnitMother.mission(" ")))
			.satisfies((e) -> assertThat(e.messageKey()).isEqualTo("organisation.error.timeZoneRequired"));
		assertThat(root.createChild(5, UnitMother.mission("Europe/Paris")).details().timeZone())
			.isEqualTo("Europe/Paris");
	}

	@Test
	void missionNeedsCountryAndCity() {
		UnitDetails noCity = new UnitDetails("驻美国使馆", null, null, UnitType.MISSION_ABROAD, "美国", "", "America/New_York",
				null, null);
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> UnitMother.root().createChild(5, noCity))
			.satisfies((e) -> assertThat(e.field()).isEqualTo("city"));
	}

	@Test
	void locationIsDroppedForUnitsThatAreNotMissions() {
		UnitDetails department = new UnitDetails("亚洲司", null, null, UnitType.DEPARTMENT, "美国", "纽约", "America/New_York",
				null, null);
		Unit unit = UnitMother.root().createChild(5, department);
		assertThat(unit.details().country()).isNull();
		assertThat(unit.details().timeZone()).isNull();
	}

	@Test
	void onlyTheRootIsAnAssociation() {
		assertThatExceptionOfType(RootUnitException.class)
			.isThrownBy(() -> UnitMother.root().createChild(5, UnitDetails.of("协会二", null, UnitType.ASSOCIATION)));
		assertThatExceptionOfType(RootUnitException.class)
			.isThrownBy(() -> UnitMother.root().edit(UnitDetails.of("协会", null, UnitType.DEPARTMENT)));
	}

	@Test
	void nameIsRequired() {
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> UnitMother.root().createChild(5, UnitDetails.of("  ", null, UnitType.DEPARTMENT)))
			.satisfies((e) -> assertThat(e.field()).isEqualTo("name"));
	}

	@Test
	void unitWithOpenSubUnitsCannotClose() {
		Unit department = UnitMother.department(UnitMother.root(), 5);
		assertThatExceptionOfType(OpenSubUnitsException.class)
			.isThrownBy(() -> department.close("merged", Instant.now(), 2));
		assertThat(department.isOpen()).isTrue();
	}

	@Test
	void closingKeepsDateAndReasonAndReopeningClearsThem() {
		Unit root = UnitMother.root();
		Unit department = UnitMother.department(root, 5);
		Instant at = Instant.parse("2026-01-02T03:04:05Z");
		department.close(" merged into 亚洲司 ", at, 0);
		assertThat(department.status()).isEqualTo(UnitStatus.CLOSED);
		assertThat(department.closedAt()).isEqualTo(at);
		assertThat(department.closedReason()).isEqualTo("merged into 亚洲司");
		assertThat(department.pullEvents()).containsExactly(new UnitClosed(new UnitId(5)));
		department.reopen(root);
		assertThat(department.isOpen()).isTrue();
		assertThat(department.closedAt()).isNull();
		assertThat(department.pullEvents()).containsExactly(new UnitReopened(new UnitId(5)));
	}

	@Test
	void closingNeedsAReason() {
		Unit department = UnitMother.department(UnitMother.root(), 5);
		assertThatExceptionOfType(InvalidUnitDetailsException.class)
			.isThrownBy(() -> department.close(" ", Instant.now(), 0))
			.satisfies((e) -> assertThat(e.field()).isEqualTo("reason"));
	}

	@Test
	void unitUnderAClosedParentCannotReopen() {
		Unit root = UnitMother.root();
		Unit parent = UnitMother.department(root, 5);
		Unit child = UnitMother.department(parent, 6);
		child.close("done", Instant.now(), 0);
		parent.close("done", Instant.now(), 0);
		assertThatExceptionOfType(ParentClosedException.class).isThrownBy(() -> child.reopen(parent));
	}

}
