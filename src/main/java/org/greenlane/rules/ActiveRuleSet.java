package org.greenlane.rules;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.greenlane.screening.ScreeningRules;
import org.greenlane.security.AuditLog;
import org.greenlane.system.GreenlaneProperties;
import org.greenlane.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The rule set every screening uses. It follows the rules folder: a saved change is compiled and swapped in
 * atomically; a change that does not compile never goes live and is reported until the folder is fixed. A
 * screening takes one reference and keeps it, so it always sees one consistent rule set.
 */
@Component
public class ActiveRuleSet implements Supplier<ScreeningRules> {

    private static final Logger log = LoggerFactory.getLogger(ActiveRuleSet.class);
    /**
     * How often the folder's content is read and hashed (a few small files), and how long it must stay unchanged
     * before a rebuild, so that a burst of saves gives one.
     */
    static final long POLL_MILLIS = 100;
    static final long QUIET_MILLIS = 200;
    /** The database, which says what another node activated, is asked once a second. */
    static final int DATABASE_EVERY_POLLS = 10;

    private final RuleCompiler compiler;
    private final RuleFolder folder;
    private final RuleSetVersions versions;
    private final AuditLog audit;
    private final Counter reloads;
    private final Counter failedReloads;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReentrantLock changes = new ReentrantLock();
    private final AtomicReference<Active> active = new AtomicReference<>();
    private volatile Pending pending;
    private final ScheduledExecutorService watcher;
    // Only the watcher thread uses these: the folder's content as last seen, since when, and a poll count.
    private String lastSeen;
    private long lastChangeMillis;
    private long polls;

    ActiveRuleSet(RuleCompiler compiler, RuleSetVersions versions, AuditLog audit, GreenlaneProperties properties,
                  Clock clock, MeterRegistry meters, ApplicationEventPublisher events) {
        this.events = events;
        this.reloads = Counter.builder("greenlane.rules.reloads").tag("outcome", "activated")
                .description("Rule sets compiled and activated").register(meters);
        this.failedReloads = Counter.builder("greenlane.rules.reloads").tag("outcome", "failed")
                .description("Rule folder changes refused because they do not compile").register(meters);
        this.compiler = compiler;
        this.audit = audit;
        this.folder = new RuleFolder(properties.rulesDir());
        this.versions = versions;
        this.clock = clock;
        var latest = versions.latestActivation();
        SortedMap<String, byte[]> files = folder.read();
        try {
            ScreeningRules rules = compiler.compile(files);
            var activation = latest.isPresent() && latest.get().checksum().equals(rules.checksum())
                    ? latest.get()
                    : recordActivation(files, rules, "folder", "rules folder at start-up");
            active.set(new Active(withVersion(rules, activation), activation, files));
        } catch (RuleSetCompileException e) {
            // A folder broken while the server was down: start on the last good set rather than not at all.
            var lastGood = latest.orElseThrow(() -> e);
            SortedMap<String, byte[]> lastFiles = versions.files(lastGood.version());
            active.set(new Active(withVersion(compiler.compile(lastFiles), lastGood), lastGood, lastFiles));
            pending = new Pending(RuleCompiler.checksum(files), clock.instant(), e.problems());
            log.warn("The rules folder does not compile; starting on rule set v{}: {}", lastGood.version(),
                    e.problems());
        }
        log.info("Rule set v{} active from {}", active.get().activation().version(), folder.path());
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-folder-watcher");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::watchFolder, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopWatching() {
        watcher.shutdownNow();
    }

    @Override
    public ScreeningRules get() {
        return active.get().rules();
    }

    /**
     * Waits while a rule set is being compiled and swapped in, at most {@code maxNanos}; false if it still is then.
     * New submissions wait here: under load a compile sharing the cores with them took seconds instead of a third
     * of one, and a policy change should reach the applications behind it.
     */
    public boolean awaitNoChange(long maxNanos) throws InterruptedException {
        if (!changes.tryLock(maxNanos, TimeUnit.NANOSECONDS)) {
            return false;
        }
        changes.unlock();
        return true;
    }

    Active active() {
        return active.get();
    }

    /** The folder's content that failed to compile, or null while the folder and the active set agree. */
    Pending pending() {
        return pending;
    }

    private void watchFolder() {
        try {
            if (++polls % DATABASE_EVERY_POLLS == 0) {
                followOtherNodes();
            }
            String now = RuleCompiler.checksum(folder.read());
            long millis = System.currentTimeMillis();
            if (!now.equals(lastSeen)) {
                lastSeen = now;
                lastChangeMillis = millis;
            } else if (millis - lastChangeMillis >= QUIET_MILLIS && !settled(now)) {
                syncWithFolder();
            }
        } catch (RuntimeException e) {
            log.error("Watching the rules folder failed; trying again", e);
        }
    }

    /**
     * Several nodes share one database: when another node activated a different rule set (through its API or its
     * folder), this node takes it too and writes its files into its own folder, so every node screens alike.
     */
    void followOtherNodes() {
        if (!activatedElsewhere()) {
            return;
        }
        changes.lock();
        try {
            if (!activatedElsewhere()) {
                return;
            }
            var activation = versions.latestActivation().orElseThrow();
            SortedMap<String, byte[]> files = versions.files(activation.version());
            ScreeningRules rules = compiler.compile(files);
            folder.replaceAll(files);
            active.set(new Active(withVersion(rules, activation), activation, files));
            pending = null;
            log.info("Rule set v{} activated on another node by {}; taken here too", activation.version(),
                    activation.activatedBy());
        } finally {
            changes.unlock();
        }
    }

    private boolean activatedElsewhere() {
        return versions.latestActivation().map(latest -> !latest.checksum().equals(active.get().activation().checksum()))
                .orElse(false);
    }

    /** The folder holds the active set, or a content already reported as not compiling. */
    private boolean settled(String folderChecksum) {
        Pending reported = pending;
        return reported == null ? folderChecksum.equals(active.get().activation().checksum())
                : folderChecksum.equals(reported.checksum());
    }

    /** Activates what the folder holds now, unless it is already active or does not compile. */
    void syncWithFolder() {
        changes.lock();
        try {
            SortedMap<String, byte[]> files = folder.read();
            String checksum = RuleCompiler.checksum(files);
            if (checksum.equals(active.get().activation().checksum())) {
                pending = null;
                return;
            }
            if (pending != null && pending.checksum().equals(checksum)) {
                return;
            }
            try {
                long started = System.nanoTime();
                ScreeningRules rules = compiler.compile(files);
                long compiled = System.nanoTime();
                activate(files, rules, "folder", "changed on disk");
                log.info("Folder change: compiled in {} ms, stored and swapped in {} ms", (compiled - started) / 1_000_000,
                        (System.nanoTime() - compiled) / 1_000_000);
            } catch (RuleSetCompileException e) {
                failedReloads.increment();
                pending = new Pending(checksum, clock.instant(), e.problems());
                log.warn("The rules folder does not compile; rule set v{} stays active: {}",
                        active.get().activation().version(), e.problems());
            }
        } finally {
            changes.unlock();
        }
    }

    /** Compiles the active files with these replacing their namesakes; nothing changes. */
    public ScreeningRules compileDraft(SortedMap<String, byte[]> draft) {
        SortedMap<String, byte[]> files = new TreeMap<>(active.get().files());
        files.putAll(draft);
        return compiler.compile(files);
    }

    /** Compiles a version that was active once, named as it was ({@code v3}); nothing changes. */
    public ScreeningRules compileVersion(int version) {
        ScreeningRules compiled = compiler.compile(filesOf(version));
        return new ScreeningRules(compiled.kieBase(), "v" + version, compiled.checksum());
    }

    /**
     * Validates the active set with this file, writes the file into the folder and activates the result. Other
     * unsaved-to-active edits in the folder are not swept in: the watcher activates them under their own name.
     */
    RuleSetVersions.Activation write(String name, byte[] content, String actor, String comment) {
        return change(files -> files.put(name, content), () -> folder.write(name, content), actor, comment);
    }

    RuleSetVersions.Activation delete(String name, String actor, String comment) {
        return change(files -> files.remove(name), () -> folder.delete(name), actor, comment);
    }

    /** Re-activates an earlier version and writes its files back into the folder. */
    RuleSetVersions.Activation rollback(int version, String actor, String comment) {
        SortedMap<String, byte[]> old = filesOf(version);
        return change(files -> {
            files.clear();
            files.putAll(old);
        }, () -> folder.replaceAll(old), actor, comment);
    }

    private SortedMap<String, byte[]> filesOf(int version) {
        SortedMap<String, byte[]> files = versions.files(version);
        if (files.isEmpty()) {
            throw new NotFoundException("No rule set version " + version);
        }
        return files;
    }

    private RuleSetVersions.Activation change(Consumer<SortedMap<String, byte[]>> edit,
                                              Runnable writeFolder, String actor, String comment) {
        changes.lock();
        try {
            SortedMap<String, byte[]> files = new TreeMap<>(active.get().files());
            edit.accept(files);
            ScreeningRules rules;
            try {
                rules = compiler.compile(files);
            } catch (RuleSetCompileException e) {
                audit.record(actor, "RULES_REFUSED", "rule set", e.summary(files));
                throw e;
            }
            writeFolder.run();
            return activate(files, rules, actor, comment);
        } finally {
            changes.unlock();
        }
    }

    private RuleSetVersions.Activation activate(SortedMap<String, byte[]> files, ScreeningRules rules, String actor,
                                                String comment) {
        RuleSetVersions.Activation activation = recordActivation(files, rules, actor, comment);
        reloads.increment();
        active.set(new Active(withVersion(rules, activation), activation, files));
        pending = null;
        events.publishEvent(new RuleSetActivated(activation.version(), actor));
        log.info("Rule set v{} ({}) activated by {}: {}", activation.version(), rules.version(), actor, comment);
        return activation;
    }

    /** Every activation is in the audit trail with who, why and the checksums of the set and each of its files. */
    private RuleSetVersions.Activation recordActivation(SortedMap<String, byte[]> files, ScreeningRules rules,
                                                        String actor, String comment) {
        var activation = versions.activate(files, rules.checksum(), actor, comment, clock.instant());
        audit.record(actor, "RULES_ACTIVATED", "v" + activation.version(), (comment == null ? "" : comment + "; ")
                + "set sha256:" + rules.checksum() + "; " + DraftFiles.checksums(files));
        return activation;
    }

    private static ScreeningRules withVersion(ScreeningRules rules, RuleSetVersions.Activation activation) {
        return new ScreeningRules(rules.kieBase(), "v" + activation.version(), rules.checksum());
    }

    /** The active set: compiled rules, how it came to be active, and its files. */
    record Active(ScreeningRules rules, RuleSetVersions.Activation activation, SortedMap<String, byte[]> files) {
    }

    /** Folder content that did not compile, kept so the API and the health check can say why. */
    record Pending(String checksum, Instant detectedAt, List<RuleProblem> problems) {
    }
}
