package io.moonknight.radius.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for accounting: packets queue up, a writer thread writes whatever has queued (up to 1,000) in one
 * transaction, and only then are their Accounting-Responses sent. Under load many packets share one commit;
 * a packet is never answered before it is durable, so the NAS retransmits anything not written. There are
 * {@code moonknight.radius.accounting-writers} writers, each with its own queue; a session always goes to the same
 * one (by NAS and Acct-Session-Id), so its packets are applied in order and its deltas stay exact, while the
 * daily usage rows two writers may share are added to (locked in one order, so they cannot deadlock).
 */
@Component
class AccountingWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccountingWriter.class);
    private static final int BATCH = 1000;

    record Job(RadiusSessionStore.Accounting accounting, CompletableFuture<RadiusSessionStore.Applied> done) {}

    private final List<BlockingQueue<Job>> queues = new ArrayList<>();
    private final RadiusSessionStore store;
    private final TransactionTemplate transactions;
    private final LiveCounts live;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    AccountingWriter(
            RadiusSessionStore store, TransactionTemplate transactions, LiveCounts live, RadiusProperties properties) {
        this.store = store;
        this.transactions = transactions;
        this.live = live;
        for (int i = 0; i < Math.max(1, properties.accountingWriters()); i++) {
            queues.add(new LinkedBlockingQueue<>(100_000));
        }
    }

    /** Queues a packet; the future completes once it is committed (or fails: no answer, the NAS retries). */
    CompletableFuture<RadiusSessionStore.Applied> submit(RadiusSessionStore.Accounting accounting) {
        var job = new Job(accounting, new CompletableFuture<>());
        int writer = Math.floorMod(
                31 * accounting.nas().hashCode() + accounting.acctSessionId().hashCode(), queues.size());
        if (!running || !queues.get(writer).offer(job)) {
            job.done().completeExceptionally(new IllegalStateException("accounting queue full"));
        }
        return job.done();
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Job> queue = queues.get(i);
            threads.add(Thread.ofPlatform()
                    .name("radius-accounting-writer-" + i)
                    .daemon()
                    .start(() -> loop(queue)));
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop(BlockingQueue<Job> queue) {
        List<Job> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Accounting batch failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Job> batch) {
        List<RadiusSessionStore.Applied> results = new ArrayList<>(batch.size());
        try {
            transactions.executeWithoutResult(status -> {
                results.clear();
                results.addAll(applyAll(batch));
            });
            for (int i = 0; i < batch.size(); i++) {
                counted(results.get(i));
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException batchFailed) {
            // one bad packet must not lose the others: write them one by one
            for (Job job : batch) {
                each(job, result -> job.done().complete(result));
            }
        }
    }

    private void each(Job job, Consumer<RadiusSessionStore.Applied> done) {
        try {
            RadiusSessionStore.Applied applied = transactions.execute(status -> apply(job.accounting()));
            if (applied != null) {
                counted(applied);
                done.accept(applied);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Accounting packet for session {} could not be written",
                    job.accounting().acctSessionId(),
                    e);
            job.done().completeExceptionally(e);
        }
    }

    /**
     * A batch in order: runs of Starts and Interim-Updates as one statement each, Stops one by one. Within a
     * run, the first packet of each subscription carries what the run counted for it.
     */
    private List<RadiusSessionStore.Applied> applyAll(List<Job> batch) {
        List<RadiusSessionStore.Applied> results = new ArrayList<>(batch.size());
        int i = 0;
        while (i < batch.size()) {
            if (batch.get(i).accounting().statusType() == AccountingHandler.STOP) {
                results.add(store.stop(batch.get(i).accounting()));
                i++;
                continue;
            }
            int end = i;
            List<RadiusSessionStore.Accounting> run = new ArrayList<>();
            while (end < batch.size() && batch.get(end).accounting().statusType() != AccountingHandler.STOP) {
                run.add(batch.get(end).accounting());
                end++;
            }
            var bulk = new java.util.HashMap<>(store.updateAll(run).bySubscription());
            for (RadiusSessionStore.Accounting a : run) {
                RadiusSessionStore.Applied applied = bulk.remove(a.subscription());
                results.add(
                        applied != null
                                ? applied
                                : new RadiusSessionStore.Applied(a.tenant(), a.subscription(), 0, 0, false, 0));
            }
            i = end;
        }
        return results;
    }

    private void counted(RadiusSessionStore.Applied applied) {
        if (applied.ended()) {
            live.ended(applied.subscription());
        } else if (applied.created() > 0) {
            live.started(applied.subscription(), applied.created());
        }
    }

    private RadiusSessionStore.Applied apply(RadiusSessionStore.Accounting a) {
        return a.statusType() == AccountingHandler.STOP ? store.stop(a) : store.update(a);
    }
}
