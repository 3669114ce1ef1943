package org.lantian.platform.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import org.springframework.stereotype.Component;

/** Which devices are connected to this node now, by MN: the connection their latest accepted packet came on. */
@Component
class ConnectedDevices {

    private final Map<String, Channel> byMn = new ConcurrentHashMap<>();

    /**
     * The device's packet came on {@code channel}; forgotten when that connection closes. True for the first
     * packet on a connection: what was queued for the device while it was away goes down after it.
     */
    boolean seen(String mn, Channel channel) {
        if (byMn.put(mn, channel) == channel) {
            return false;
        }
        channel.closeFuture().addListener(closed -> byMn.remove(mn, channel));
        return true;
    }

    Optional<Channel> channelOf(String mn) {
        return Optional.ofNullable(byMn.get(mn)).filter(Channel::isActive);
    }
}
