package org.lantian.platform.alerts;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.lantian.platform.identity.Actor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live notifications over Server-Sent Events: every committed ticket change goes to the browsers of the
 * users who may see the ticket (its county's users, and the citywide roles). Sending happens on one
 * thread of its own, so a slow browser never holds up a commit.
 */
@Component
class AlertStream {

    private static final long TIMEOUT_MILLIS = 30 * 60 * 1000L; // browsers reconnect on their own

    /** What a browser receives. */
    record Notice(long ticketId, String countyCode, String action, String actionLabel, String title, String state,
                  String stateLabel, String at) {
    }

    private final Map<SseEmitter, Actor> listeners = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerts-sse");
        t.setDaemon(true);
        return t;
    });

    /**
     * Opens a stream; with {@code missed} (what happened after the browser's Last-Event-ID, which the
     * browser sends by itself when it reconnects) those are sent first, so a dropped connection loses nothing.
     */
    SseEmitter open(Actor actor, java.util.List<Tickets.TicketChanged> missed) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(e -> listeners.remove(emitter));
        sender.execute(() -> {
            send(emitter, SseEmitter.event().name("hello").data("ok"));
            missed.stream().filter(changed -> mayHear(actor, changed)).forEach(changed -> send(emitter, ticketEvent(changed)));
            listeners.put(emitter, actor); // on the sender thread: no live event can overtake the replay
        });
        return emitter;
    }

    int listeners() {
        return listeners.size();
    }

    static final String TICKET_TOPIC = "alerts.ticket";
    static final String INSTRUCTION_TOPIC = "alerts.instruction";
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private final org.lantian.platform.cluster.ClusterBus bus;

    /** Browsers connected to other nodes hear of what this node commits, and this node's of theirs. */
    AlertStream(org.lantian.platform.cluster.ClusterBus bus) {
        this.bus = bus;
        bus.subscribe(TICKET_TOPIC, body -> on(JSON.readValue(body, Tickets.TicketChanged.class)));
        bus.subscribe(INSTRUCTION_TOPIC, body -> on(JSON.readValue(body, Instructions.InstructionIssued.class)));
    }

    /** In the changing transaction: the other nodes are told when it commits. */
    @org.springframework.context.event.EventListener
    void relay(Tickets.TicketChanged changed) {
        bus.publish(TICKET_TOPIC, JSON.writeValueAsString(changed));
    }

    @org.springframework.context.event.EventListener
    void relay(Instructions.InstructionIssued issued) {
        bus.publish(INSTRUCTION_TOPIC, JSON.writeValueAsString(issued));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Tickets.TicketChanged changed) {
        sender.execute(() -> listeners.forEach((emitter, actor) -> {
            if (mayHear(actor, changed)) {
                send(emitter, ticketEvent(changed));
            }
        }));
    }

    /** The event id is the timeline entry's, so a reconnecting browser says where it stopped. */
    private static SseEmitter.SseEventBuilder ticketEvent(Tickets.TicketChanged changed) {
        Notice notice = new Notice(changed.ticketId(), changed.countyCode(), changed.action(),
                Tickets.ACTION_LABELS.getOrDefault(changed.action(), changed.action()), changed.title(), changed.state().name(),
                changed.state().label(), AlertTimes.minute(changed.at()));
        return SseEmitter.event().name("ticket").id(String.valueOf(changed.eventId())).data(notice);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(Instructions.InstructionIssued issued) {
        Map<String, Object> notice = Map.of("instructionId", issued.id(), "title", issued.title(), "at", AlertTimes.minute(issued.at()));
        sender.execute(() -> listeners.forEach((emitter, actor) -> {
            String unit = DutyUnits.of(actor);
            if (unit != null && issued.units().contains(unit)) {
                send(emitter, SseEmitter.event().name("instruction").data(notice));
            }
        }));
    }

    static boolean mayHear(Actor actor, Tickets.TicketChanged changed) {
        return Tickets.maySee(actor, changed.countyCode());
    }

    /**
     * Ends every stream when the platform shuts down: an open stream is a request in progress, and a graceful
     * shutdown would wait for it (30 s). Browsers reconnect and, with Last-Event-ID, miss nothing.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        listeners.keySet().forEach(SseEmitter::complete);
        listeners.clear();
    }

    /** A comment line now and then keeps proxies from closing quiet connections. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        sender.execute(() -> listeners.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("♥"))));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(emitter);
            emitter.completeWithError(gone);
        }
    }
}
