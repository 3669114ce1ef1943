package org.lantian.platform.gateway;

import java.util.List;
import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.lantian.platform.cluster.ClusterBus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A queued command goes down at once to its device when the device is connected: to this node, or, told
 * over the cluster bus, to whichever node holds its connection. A device connected nowhere gets its commands
 * after its next packet, as before ({@link PacketWriter}); a command is taken for sending once whichever node
 * takes it (the queue is read FOR UPDATE SKIP LOCKED).
 */
@Component
class CommandPush {

    static final String TOPIC = "gateway.command";

    private final ConnectedDevices connected;
    private final DeviceCommands commands;
    private final TransactionTemplate transactions;
    private final ClusterBus bus;

    CommandPush(ConnectedDevices connected, DeviceCommands commands, TransactionTemplate transactions, ClusterBus bus) {
        this.connected = connected;
        this.commands = commands;
        this.transactions = transactions;
        this.bus = bus;
        bus.subscribe(TOPIC, this::push);
    }

    /** In the queueing transaction: the other nodes hear of it when it commits. */
    @org.springframework.context.event.EventListener
    void tellOthers(DeviceCommands.Queued queued) {
        bus.publish(TOPIC, queued.mn());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void pushHere(DeviceCommands.Queued queued) {
        push(queued.mn());
    }

    void push(String mn) {
        connected.channelOf(mn).ifPresent(channel -> send(channel, transactions.execute(status -> commands.takeQueued(Set.of(mn)))));
    }

    private static void send(Channel channel, List<DeviceCommands.Outgoing> outgoing) {
        if (outgoing == null || outgoing.isEmpty()) {
            return;
        }
        outgoing.forEach(o -> channel.write(Unpooled.wrappedBuffer(o.bytes())));
        channel.flush();
    }
}
