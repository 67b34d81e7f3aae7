package io.moonknight.identity.internal;

import io.moonknight.identity.domain.RecoveryCodes;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The parts of two-factor state that must change atomically: the last used time step and recovery codes. */
@Component
class TwoFactorStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    TwoFactorStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Marks a time step used. False when it (or a later one) was used already: a replayed code. */
    boolean useStep(UUID tenant, UUID user, long step) {
        return jdbc.sql("""
            update identity.users set totp_last_step = :step
            where tenant_id = :tenant and id = :user and totp_last_step < :step
            """)
                        .param("step", step)
                        .param("tenant", tenant)
                        .param("user", user)
                        .update()
                == 1;
    }

    /** {@link #useStep} for a platform operator. */
    boolean useOperatorStep(UUID operator, long step) {
        return jdbc.sql("update identity.operators set totp_last_step = :step where id = :id and"
                                + " totp_last_step < :step")
                        .param("step", step)
                        .param("id", operator)
                        .update()
                == 1;
    }

    void resetOperatorSteps(UUID operator) {
        jdbc.sql("update identity.operators set totp_last_step = 0 where id = :id")
                .param("id", operator)
                .update();
    }

    /** Replaces an operator's recovery codes; returns them in clear, for showing once. */
    List<String> replaceOperatorRecoveryCodes(UUID operator) {
        deleteOperatorRecoveryCodes(operator);
        List<String> codes = RecoveryCodes.generate();
        var now = Timestamp.from(clock.instant());
        for (String code : codes) {
            jdbc.sql("""
                insert into identity.operator_recovery_codes (operator_id, code_hash, created_at)
                values (:operator, :hash, :now)
                """)
                    .param("operator", operator)
                    .param("hash", RecoveryCodes.hash(code))
                    .param("now", now)
                    .update();
        }
        return codes;
    }

    boolean useOperatorRecoveryCode(UUID operator, String code) {
        return jdbc.sql("""
            update identity.operator_recovery_codes set used_at = :now
            where operator_id = :operator and code_hash = :hash and used_at is null
            """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("operator", operator)
                        .param("hash", RecoveryCodes.hash(code))
                        .update()
                == 1;
    }

    int unusedOperatorRecoveryCodes(UUID operator) {
        return jdbc.sql("""
            select count(*) from identity.operator_recovery_codes where operator_id = :operator and used_at is null
            """).param("operator", operator).query(Integer.class).single();
    }

    void deleteOperatorRecoveryCodes(UUID operator) {
        jdbc.sql("delete from identity.operator_recovery_codes where operator_id = :operator")
                .param("operator", operator)
                .update();
    }

    void resetSteps(UUID tenant, UUID user) {
        jdbc.sql("update identity.users set totp_last_step = 0 where tenant_id = :tenant and id = :user")
                .param("tenant", tenant)
                .param("user", user)
                .update();
    }

    /** Replaces the user's recovery codes with new ones; returns them in clear, for showing once. */
    List<String> replaceRecoveryCodes(UUID user) {
        deleteRecoveryCodes(user);
        List<String> codes = RecoveryCodes.generate();
        var now = Timestamp.from(clock.instant());
        for (String code : codes) {
            jdbc.sql("insert into identity.recovery_codes (user_id, code_hash, created_at) values (:user, :hash, :now)")
                    .param("user", user)
                    .param("hash", RecoveryCodes.hash(code))
                    .param("now", now)
                    .update();
        }
        return codes;
    }

    /** Spends a recovery code. False when it is unknown or was used already. */
    boolean useRecoveryCode(UUID user, String code) {
        return jdbc.sql("""
            update identity.recovery_codes set used_at = :now
            where user_id = :user and code_hash = :hash and used_at is null
            """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("user", user)
                        .param("hash", RecoveryCodes.hash(code))
                        .update()
                == 1;
    }

    int unusedRecoveryCodes(UUID user) {
        return jdbc.sql("select count(*) from identity.recovery_codes where user_id = :user and used_at is null")
                .param("user", user)
                .query(Integer.class)
                .single();
    }

    void deleteRecoveryCodes(UUID user) {
        jdbc.sql("delete from identity.recovery_codes where user_id = :user")
                .param("user", user)
                .update();
    }
}
