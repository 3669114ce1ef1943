package org.lantian.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.lantian.platform.geo.Divisions;
import org.lantian.platform.identity.AccessDenied;
import org.lantian.platform.identity.Actor;
import org.lantian.platform.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: who is signed in, and the names of the divisions. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final Actors actors;
    private final Map<String, String> divisionNames = new LinkedHashMap<>();
    private final Divisions divisions;

    private final org.lantian.platform.emergency.Warnings warnings;

    private final java.time.Clock clock;

    PageModel(Actors actors, Divisions divisions, org.lantian.platform.emergency.Warnings warnings, java.time.Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
        this.actors = actors;
        this.divisions = divisions;
        divisions.all().forEach(d -> divisionNames.put(d.code(), d.shortName()));
    }

    /** Division code to the name the plan uses, e.g. 130471 to 开发区. */
    @ModelAttribute("divisionNames")
    Map<String, String> divisionNames() {
        return divisionNames;
    }

    @ModelAttribute("me")
    Actor me() {
        try {
            return actors.current();
        } catch (AccessDenied notSignedIn) {
            return null;
        }
    }

    /** The moment the page is made (the platform's clock), for what the layout compares with it. */
    @ModelAttribute("pageNow")
    java.time.Instant pageNow() {
        return clock.instant();
    }

    /** The heavy-pollution warnings in force over the user's area, shown in every page's header. */
    @ModelAttribute("warningsInForce")
    java.util.List<org.lantian.platform.emergency.Warning> warningsInForce() {
        return me() == null ? java.util.List.of() : warnings.inForceNow();
    }

    /** Where a county user's maps open ("lon,lat" inside the county); null for the citywide, whose maps show all of Handan. */
    @ModelAttribute("myMapCentre")
    String myMapCentre() {
        Actor me = me();
        if (me == null || me.scope().citywide() || me.countyCode() == null) {
            return null;
        }
        return divisions.interiorPoint(me.countyCode()).map(p -> p.lon() + "," + p.lat()).orElse(null);
    }
}
