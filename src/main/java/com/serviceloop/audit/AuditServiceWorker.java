package com.serviceloop.audit;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The walk-around's service worker, served from under /audits/ so that its scope is the audit pages and nothing
 * else, without a Service-Worker-Allowed header widening what a script in /js/ may control. Only signed-in people
 * load it (from the conduct page); the browser checks it for a new version on each visit (no-cache).
 */
@Controller
class AuditServiceWorker {
    private static final Resource SCRIPT = new ClassPathResource("static/js/audit-sw.js");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    @GetMapping("/audits/offline-sw.js")
    public ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(SCRIPT);
    }
}
