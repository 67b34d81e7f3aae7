package io.moonknight.audit.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class AuditTrailService implements AuditTrail {

    private final AuditWriter writer;
    private final TransactionTemplate separate;

    AuditTrailService(AuditWriter writer, PlatformTransactionManager transactionManager) {
        this.writer = writer;
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditRecord record) {
        writer.write(record);
    }

    @Override
    public void recordSeparately(AuditRecord record) {
        separate.executeWithoutResult(status -> writer.write(record));
    }
}
