package dev.shimbun.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SignInAttemptRepository extends JpaRepository<SignInAttempt, Long> {

	/** Failures for an account since a time, newest first. */
	@Query("""
			select a from SignInAttempt a
			where a.username = :username and a.succeeded = false and a.attemptedAt > :since
			order by a.attemptedAt desc
			""")
	List<SignInAttempt> failuresForUsername(String username, Instant since, Pageable pageable);

	/** Failures from a client address since a time, newest first. */
	@Query("""
			select a from SignInAttempt a
			where a.client = :client and a.succeeded = false and a.attemptedAt > :since
			order by a.attemptedAt desc
			""")
	List<SignInAttempt> failuresFromClient(String client, Instant since, Pageable pageable);

	@Query("select max(a.attemptedAt) from SignInAttempt a where a.username = :username and a.succeeded = true")
	Instant lastSuccessFor(String username);

	@Modifying
	@Query("update SignInAttempt a set a.succeeded = true where a.id = :id")
	int markSucceeded(Long id);

	@Modifying
	@Query("delete from SignInAttempt a where a.attemptedAt < :before")
	int deleteOlderThan(Instant before);

}
