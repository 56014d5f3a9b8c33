package org.tongxing.volunteer.domain;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface VolunteerRepository extends JpaRepository<Volunteer, Long> {

	Optional<Volunteer> findByAccountId(Long accountId);

	@Query("select v.id from Volunteer v where v.idNumberHash = :hash")
	Optional<Long> findIdByIdNumberHash(String hash);

	@Query("select v.id from Volunteer v where lower(v.email) = lower(:email)")
	Optional<Long> findIdByEmail(String email);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select v from Volunteer v where v.id = :id")
	Optional<Volunteer> findForUpdate(Long id);

}
