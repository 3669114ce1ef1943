package org.lantian.platform.neighbours;

import org.lantian.platform.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The joint-prevention page: the neighbours on the map, the border comparison, the exchanged documents, and the office's registry. */
@Controller
class NeighboursPages {

    private final Neighbours neighbours;
    private final BorderComparison comparison;
    private final Exchange exchange;
    private final Actors actors;

    NeighboursPages(Neighbours neighbours, BorderComparison comparison, Exchange exchange, Actors actors) {
        this.neighbours = neighbours;
        this.comparison = comparison;
        this.exchange = exchange;
        this.actors = actors;
    }

    @GetMapping("/neighbours")
    String page(Model model) {
        model.addAttribute("comparisons", comparison.compare());
        model.addAttribute("documents", exchange.recent(50));
        model.addAttribute("inForce", exchange.neighbourWarningsInForce());
        boolean office = actors.current().isCityOffice();
        model.addAttribute("office", office);
        model.addAttribute("neighbours", office ? neighbours.registry() : java.util.List.of());
        model.addAttribute("issuer", exchange.issuer());
        model.addAttribute("publicKey", exchange.publicKey());
        return "neighbours/index";
    }

    @PostMapping("/neighbours/{city}/key")
    String key(@PathVariable String city, @RequestParam(required = false) String publicKey, @RequestParam(required = false) String reason,
               RedirectAttributes redirect) {
        return org.lantian.platform.forms.PageOutcome.redirect(redirect, "/neighbours", () -> neighbours.setPublicKey(city, publicKey, reason).name() + " 的公钥已登记");
    }

    @PostMapping("/neighbours/{city}/endpoint")
    String endpoint(@PathVariable String city, @RequestParam(required = false) String url, @RequestParam(required = false) String reason,
                    RedirectAttributes redirect) {
        return org.lantian.platform.forms.PageOutcome.redirect(redirect, "/neighbours", () -> neighbours.setEndpoint(city, url, reason).name() + " 的接收地址已登记");
    }
}
