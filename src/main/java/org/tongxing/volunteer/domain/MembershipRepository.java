package org.tongxing.volunteer.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MembershipRepository extends JpaRepository<Membership, Long> {

	@Query("select m from Membership m where m.volunteerId = :volunteerId order by m.validFrom desc, m.id desc")
	List<Membership> history(Long volunteerId);

	@Query("select m from Membership m where m.volunteerId = :volunteerId and m.validTo is null")
	Optional<Membership> open(Long volunteerId);

}
