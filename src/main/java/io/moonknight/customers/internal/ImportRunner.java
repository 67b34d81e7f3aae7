package io.moonknight.customers.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.storage.FileStorage;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs an import in the background, a thousand rows per transaction: reads each row through the mapping over
 * the existing customer with that account number, validates it like a profile form, and writes new and
 * changed customers with batched SQL (plus a timeline entry each). Unchanged rows are counted, rejected ones
 * collected with their reasons; progress is written after every batch.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
    static final int BATCH = 1000;
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> UPDATABLE = List.of(
            "type",
            "first_name",
            "last_name",
            "company_name",
            "display_name",
            "phones",
            "emails",
            "national_id",
            "tax_id",
            "status",
            "area",
            "tags",
            "notes",
            "custom_fields",
            "install_line1",
            "install_line2",
            "install_city",
            "install_region",
            "install_postal_code",
            "install_country",
            "install_latitude",
            "install_longitude",
            "billing_same",
            "billing_line1",
            "billing_line2",
            "billing_city",
            "billing_region",
            "billing_postal_code",
            "billing_country",
            "billing_latitude",
            "billing_longitude",
            "search_text",
            "updated_at");

    private final ImportRepository imports;
    private final CustomerRepository customers;
    private final CustomFieldService customFields;
    private final HistoryStore history;
    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final FileStorage storage;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final CustomersProperties properties;
    private final Clock clock;

    ImportRunner(
            ImportRepository imports,
            CustomerRepository customers,
            CustomFieldService customFields,
            HistoryStore history,
            NamedParameterJdbcTemplate named,
            JdbcClient jdbc,
            FileStorage storage,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            CustomersProperties properties,
            Clock clock) {
        this.imports = imports;
        this.customers = customers;
        this.customFields = customFields;
        this.history = history;
        this.named = named;
        this.jdbc = jdbc;
        this.storage = storage;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.properties = properties;
        this.clock = clock;
    }

    void launch(UUID tenant, UUID jobId, @Nullable Actor actor) {
        Thread.ofVirtual()
                .name("customer-import-" + jobId)
                .start(() -> TenantContext.run(tenant, () -> run(tenant, jobId, actor)));
    }

    private record Job(String storageKey, String fileName, Map<String, String> mapping, String createdBy) {}

    private record Rejected(long row, Map<String, String> values, List<String> reasons) {}

    private static final class Counts {
        int processed;
        int created;
        int updated;
        int unchanged;
        int rejected;
    }

    void run(UUID tenant, UUID jobId, @Nullable Actor actor) {
        long started = System.nanoTime();
        try {
            Job job = Objects.requireNonNull(readOnly.execute(status -> imports.findById(jobId)
                    .map(j -> new Job(
                            j.storageKey(),
                            j.fileName(),
                            j.view().mapping(),
                            j.view().createdBy()))
                    .orElseThrow()));
            int total = countRows(job.storageKey());
            if (total > properties.importMaxRows()) {
                fail(
                        tenant,
                        jobId,
                        "The file has " + total + " rows; at most " + properties.importMaxRows()
                                + " are imported at once");
                return;
            }
            jdbc.sql("update customers.imports set total_rows = :total, updated_at = :now where tenant_id ="
                            + " :tenant and id = :id")
                    .param("total", total)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("tenant", tenant)
                    .param("id", jobId)
                    .update();
            var checker = Objects.requireNonNull(readOnly.execute(status -> customFields.checker()));
            var counts = new Counts();
            List<Rejected> rejected = new ArrayList<>();
            List<String> headers;
            Set<String> seen = new HashSet<>();
            try (var in = storage.open(job.storageKey());
                    var reader = new BufferedReader(CsvFiles.reader(in))) {
                reader.mark(64 * 1024);
                String first = reader.readLine();
                reader.reset();
                try (var parser =
                        CsvFiles.format(Objects.requireNonNullElse(first, "")).parse(reader)) {
                    headers = parser.getHeaderNames();
                    List<CSVRecord> batch = new ArrayList<>(BATCH);
                    for (CSVRecord record : parser) {
                        batch.add(record);
                        if (batch.size() == BATCH) {
                            process(tenant, jobId, job, batch, checker, seen, counts, rejected);
                            batch.clear();
                            refreshStatistics(counts.processed / BATCH);
                        }
                    }
                    process(tenant, jobId, job, batch, checker, seen, counts, rejected);
                }
            }
            if (counts.created + counts.updated >= BATCH) {
                tidyAfterBulkWrite();
            }
            String rejectedKey = rejected.isEmpty() ? null : writeRejected(tenant, jobId, headers, rejected);
            long millis = (System.nanoTime() - started) / 1_000_000;
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                    update customers.imports set status = 'COMPLETED', rejected_key = :key, finished_at = :now, updated_at = :now
                    where tenant_id = :tenant and id = :id
                    """)
                        .param("key", rejectedKey)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("tenant", tenant)
                        .param("id", jobId)
                        .update();
                var record = AuditRecord.of("customer-import.completed", "CustomerImport", jobId)
                        .with("file", job.fileName())
                        .with("rows", counts.processed)
                        .with("created", counts.created)
                        .with("updated", counts.updated)
                        .with("unchanged", counts.unchanged)
                        .with("rejected", counts.rejected)
                        .with("millis", millis)
                        .inTenant(tenant);
                audit.record(actor == null ? record : record.by(actor));
            });
            log.info(
                    "Customer import {}: {} rows in {} ms ({} created, {} updated, {} unchanged, {} rejected)",
                    jobId,
                    counts.processed,
                    millis,
                    counts.created,
                    counts.updated,
                    counts.unchanged,
                    counts.rejected);
        } catch (RuntimeException | IOException e) {
            log.error("Customer import {} failed", jobId, e);
            fail(tenant, jobId, "The import stopped: " + e.getMessage());
        }
    }

    private void process(
            UUID tenant,
            UUID jobId,
            Job job,
            List<CSVRecord> records,
            CustomFieldService.Checker checker,
            Set<String> seen,
            Counts counts,
            List<Rejected> rejected) {
        if (records.isEmpty()) {
            return;
        }
        List<ImportRow> rows = new ArrayList<>(records.size());
        List<@Nullable String> numbers = new ArrayList<>(records.size());
        for (CSVRecord record : records) {
            var row = new ImportRow(record.toMap(), job.mapping());
            rows.add(row);
            String number = row.accountNumber();
            if (number != null && !seen.add(number)) {
                row.reject("accountNumber: " + number + " appears more than once in this file");
                number = null;
            }
            numbers.add(number);
        }
        var wanted = numbers.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        record Existing(Customer entity, CustomerView view, Map<String, Object> snapshot) {}
        Map<String, Existing> existing = new HashMap<>();
        readOnly.executeWithoutResult(status -> customers
                .findAllByAccountNumberIn(wanted)
                .forEach(c -> existing.put(c.accountNumber(), new Existing(c, c.view(), c.snapshot()))));

        Instant now = clock.instant();
        List<MapSqlParameterSource> inserts = new ArrayList<>();
        List<MapSqlParameterSource> updates = new ArrayList<>();
        List<HistoryStore.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            String number = numbers.get(i);
            Existing current = number == null ? null : existing.get(number);
            CustomerDraft draft = number == null ? null : row.draft(current == null ? null : current.view());
            if (draft != null && number != null) {
                try {
                    var custom = checker.check(
                            draft.customFields(),
                            current == null ? Map.of() : current.view().customFields());
                    if (current == null) {
                        var customer = new Customer(UUID.randomUUID(), number, draft, custom, now);
                        inserts.add(
                                new MapSqlParameterSource(customer.columns(tenant, JSON.writeValueAsString(custom))));
                        entries.add(new HistoryStore.Entry(
                                customer.id(),
                                now,
                                "customer.imported",
                                "Imported from " + job.fileName(),
                                Map.of("accountNumber", number),
                                job.createdBy(),
                                "CustomerImport",
                                jobId.toString()));
                        counts.created++;
                    } else {
                        Customer customer = current.entity();
                        customer.apply(draft, custom, now);
                        var changes = CustomerService.changes(current.snapshot(), customer.snapshot());
                        if (changes.isEmpty()) {
                            counts.unchanged++;
                        } else {
                            updates.add(new MapSqlParameterSource(
                                    customer.columns(tenant, JSON.writeValueAsString(custom))));
                            entries.add(new HistoryStore.Entry(
                                    customer.id(),
                                    now,
                                    "customer.updated",
                                    "Updated by import from " + job.fileName() + ": "
                                            + String.join(", ", changes.keySet()),
                                    Map.of("changes", changes),
                                    job.createdBy(),
                                    "CustomerImport",
                                    jobId.toString()));
                            counts.updated++;
                        }
                    }
                } catch (ProblemException problem) {
                    row.reject(problem);
                } catch (IllegalArgumentException e) {
                    row.reject(String.valueOf(e.getMessage()));
                }
            }
            if (!row.problems().isEmpty()) {
                counts.rejected++;
                rejected.add(new Rejected(
                        records.get(i).getRecordNumber() + 1, records.get(i).toMap(), row.problems()));
            }
            counts.processed++;
        }
        transaction.executeWithoutResult(status -> {
            if (!inserts.isEmpty()) {
                named.batchUpdate(insertSql(inserts.getFirst()), inserts.toArray(MapSqlParameterSource[]::new));
            }
            if (!updates.isEmpty()) {
                named.batchUpdate(updateSql(), updates.toArray(MapSqlParameterSource[]::new));
            }
            history.addAll(tenant, entries);
            jdbc.sql("""
                update customers.imports set processed_rows = :processed, created_count = :created,
                    updated_count = :updated, unchanged_count = :unchanged, rejected_count = :rejected, updated_at = :now
                where tenant_id = :tenant and id = :id
                """)
                    .param("processed", counts.processed)
                    .param("created", counts.created)
                    .param("updated", counts.updated)
                    .param("unchanged", counts.unchanged)
                    .param("rejected", counts.rejected)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("tenant", tenant)
                    .param("id", jobId)
                    .update();
        });
    }

    /**
     * Re-analyses the customer table after batches 1, 2, 4, 8, ... of an import: a tenant that grows from
     * hundreds to a hundred thousand customers within minutes would otherwise be planned with statistics
     * that still say "hundreds", and looking up each batch's account numbers degrades into a scan of every
     * customer of the tenant (measured: an import of 100,000 rows spent most of its time there).
     */
    private void refreshStatistics(int batches) {
        if (Integer.bitCount(batches) != 1) {
            return;
        }
        try {
            jdbc.sql("analyze customers.customers").update();
        } catch (RuntimeException e) {
            log.debug("Could not analyse customers.customers", e);
        }
    }

    /**
     * After many writes: fresh statistics, and the trigram index's pending entries merged into the index proper
     * (searches otherwise scan that unsorted list until autovacuum gets round to it).
     */
    private void tidyAfterBulkWrite() {
        try {
            jdbc.sql("analyze customers.customers").update();
            jdbc.sql("select gin_clean_pending_list('customers.customers_search_idx'::regclass)")
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            log.debug("Could not tidy customers.customers after an import", e);
        }
    }

    private static String insertSql(MapSqlParameterSource sample) {
        String[] columns = sample.getParameterNames();
        String values = java.util.Arrays.stream(columns)
                .map(c -> c.equals("custom_fields") ? "cast(:custom_fields as jsonb)" : ":" + c)
                .collect(Collectors.joining(", "));
        return "insert into customers.customers (" + String.join(", ", columns) + ") values (" + values + ")";
    }

    private static String updateSql() {
        String sets = UPDATABLE.stream()
                .map(c -> c + " = " + (c.equals("custom_fields") ? "cast(:custom_fields as jsonb)" : ":" + c))
                .collect(Collectors.joining(", "));
        return "update customers.customers set " + sets
                + ", version = version + 1 where tenant_id = :tenant_id and id = :id";
    }

    private int countRows(String key) throws IOException {
        try (var in = storage.open(key);
                var reader = new BufferedReader(CsvFiles.reader(in))) {
            reader.mark(64 * 1024);
            String first = reader.readLine();
            reader.reset();
            int rows = 0;
            try (var parser =
                    CsvFiles.format(Objects.requireNonNullElse(first, "")).parse(reader)) {
                for (CSVRecord ignored : parser) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private String writeRejected(UUID tenant, UUID jobId, List<String> headers, List<Rejected> rejected)
            throws IOException {
        var out = new StringWriter();
        var columns = new ArrayList<String>();
        columns.add("row");
        columns.addAll(headers);
        columns.add("reasons");
        try (var csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .get())) {
            for (Rejected row : rejected) {
                var values = new ArrayList<@Nullable Object>();
                values.add(row.row());
                headers.forEach(header -> values.add(row.values().get(header)));
                values.add(String.join("; ", row.reasons()));
                csv.printRecord(values);
            }
        }
        String key = "tenants/" + tenant + "/customer-imports/" + jobId + "-rejected.csv";
        storage.put(key, new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE);
        return key;
    }

    /**
     * Imports whose progress has not moved for {@link #ABANDONED_AFTER} were cut off by a restart or crash of the
     * instance running them: they are marked failed, so staff see it and upload the file again (rows already
     * written then come out unchanged).
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    @SchedulerLock(name = "customers.fail-abandoned-imports", lockAtMostFor = "PT4M", lockAtLeastFor = "PT30S")
    void failAbandoned() {
        Instant now = clock.instant();
        int failed = jdbc.sql("""
            update customers.imports set status = 'FAILED', finished_at = :now, updated_at = :now,
                error = 'The import stopped when the server restarted. Upload the file again: rows already imported will come out unchanged.'
            where status = 'RUNNING' and updated_at < :before
            """)
                .param("now", Timestamp.from(now))
                .param("before", Timestamp.from(now.minus(ABANDONED_AFTER)))
                .update();
        if (failed > 0) {
            log.warn("Marked {} abandoned customer import(s) as failed", failed);
        }
    }

    private void fail(UUID tenant, UUID jobId, String error) {
        jdbc.sql("""
            update customers.imports set status = 'FAILED', error = :error, finished_at = :now, updated_at = :now
            where tenant_id = :tenant and id = :id
            """)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", tenant)
                .param("id", jobId)
                .update();
    }
}
