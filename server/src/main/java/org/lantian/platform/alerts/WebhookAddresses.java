package org.lantian.platform.alerts;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may point. A receiver is another office's system on the network, never this machine or the
 * private network behind it: otherwise the webhook page would let its user probe internal addresses and read
 * back what answered. Loopback, private, link-local and unspecified addresses are refused, checked when the
 * webhook is registered and again at every delivery (a name may resolve elsewhere later), unless the office
 * allows them for a receiver on its own network ({@code lantian.alerts.webhooks.allow-private}).
 */
@Component
class WebhookAddresses {

    private final boolean allowPrivate;

    WebhookAddresses(@Value("${lantian.alerts.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** @throws IllegalArgumentException when the URL is malformed or names an address a webhook may not reach */
    void check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url: 地址格式不正确");
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("url: 应为 http:// 或 https:// 开头的完整地址");
        }
        if (allowPrivate) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    throw new IllegalArgumentException("url: " + uri.getHost() + " 指向本机或内部网络地址，不允许作为通知接口"
                            + "（如确需推送到内网系统，请在配置中允许 lantian.alerts.webhooks.allow-private）");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("url: 无法解析主机名 " + uri.getHost());
        }
    }

    static boolean internal(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xFE) == 0xFC;          // fc00::/7
        boolean sharedV4 = b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;   // 100.64.0.0/10
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4;
    }
}
