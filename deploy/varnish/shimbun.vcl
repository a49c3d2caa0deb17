# Varnish (Debian's varnish 7.1, with varnish-modules for xkey) in front of two
# Shimbun instances: keeps public pages and media, passes staff, and drops pages
# when the application says they changed (docs/edge-cache.md).
#
#   apt-get install varnish varnish-modules
#   varnishd -a :6081 -f /etc/varnish/shimbun.vcl -s malloc,256m
#
# The application purges by tag: every cached public page carries its tags in an
# xkey response header (stripped before the client sees it), and every instance
# sends PURGE / with xkey-purge or xkey-softpurge to every cache listed in
# shimbun.edge.caches when it drops pages.
vcl 4.1;

import directors;
import std;
import xkey;

# The instances' readiness: 503 while the database is unavailable or during
# the graceful shutdown, so that the director leaves the instance out.
probe readiness {
    .url = "/actuator/health/readiness";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

# BEGIN backends: one per instance (bench/varnish.sh and VarnishTests write their
# own ports here).
backend app1 {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    # (the piped live-comment streams have pipe_timeout, 60 s without a byte,
    # instead: their heartbeat every 30 s keeps them open)
    .between_bytes_timeout = 90s;
    .probe = readiness;
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8082";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 90s;
    .probe = readiness;
}
# END backends

# Who may purge: the instances. Narrow it to their addresses.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}

# A TLS terminator on this host in front of Varnish (nginx), which sets
# X-Forwarded-For to the client's address (deploy/nginx does).
acl proxies {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    # By hash: everything under one article (its page, comments posted to it,
    # its comments fragment) goes to one instance, other pages by their URL,
    # unready instances left out. The instance that stores a comment has
    # marked the article's page stale in its own page cache before it answers,
    # so Varnish's fetch after the purge gets the new page (vcl_backend_fetch);
    # with round robin it could reach an instance that learns of the comment
    # only at its next poll (up to a second later), and keep the old one until
    # that instance's own purge.
    new shimbun = directors.hash();
    # BEGIN director
    shimbun.add_backend(app1, 1.0);
    shimbun.add_backend(app2, 1.0);
    # END director
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge && !req.http.xkey-softpurge) {
            return (synth(400, "xkey-purge or xkey-softpurge required"));
        }
        set req.http.x-purged = 0;
        if (req.http.xkey-purge) {
            # not to be served again
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        }
        if (req.http.xkey-softpurge) {
            # served stale (within grace) while one fetch renders it again
            set req.http.x-purged = std.integer(req.http.x-purged, 0)
                + xkey.softpurge(req.http.xkey-softpurge);
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # The client's address for the application (rate limits, readers): Varnish
    # has appended the address it saw to X-Forwarded-For; what a client sent
    # itself is dropped, so that it cannot choose its own address.
    if (client.ip ~ proxies) {
        set req.http.X-Forwarded-For = regsub(req.http.X-Forwarded-For, ",[^,]*$", "");
    } else {
        set req.http.X-Forwarded-For = client.ip;
        unset req.http.X-Forwarded-Proto;
        unset req.http.X-Forwarded-Host;
        unset req.http.X-Forwarded-Port;
        unset req.http.Forwarded;
    }

    if (req.url ~ "^/articles/[^/?#]+/comments/stream") {
        # the live streams of a popular article spread over the instances
        set req.backend_hint = shimbun.backend(req.xid);
    } else if (req.url ~ "^/articles/[^/?#]+") {
        set req.backend_hint = shimbun.backend(regsub(req.url, "^/articles/([^/?#]+).*$", "\1"));
    } else {
        set req.backend_hint = shimbun.backend(regsub(req.url, "\?.*$", ""));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        # comments, reactions, sign-in, the admin: always the application
        return (pass);
    }
    if (req.url ~ "^/articles/[^/?]+/comments/stream") {
        # text/event-stream, open for minutes: piped, so that every event goes
        # out as the instance writes it (a passed response would be held in
        # Varnish's fetch buffer); the connection is closed after it
        return (pipe);
    }
    if (req.url ~ "^/(admin|actuator)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)SESSION=") {
        # signed-in staff (Spring Session's cookie) see pages as staff
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # readers have no cookies that change a page
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_fetch {
    if (!bereq.uncacheable) {
        # A page to keep: asked for as it is now. An instance serves a page that a
        # change made stale to its own readers while it renders it again; Varnish
        # would keep that old copy until the next purge. Varnish serves its own old
        # copy meanwhile (grace), and one fetch waits for the rendering.
        set bereq.http.Cache-Control = "no-cache";
        unset bereq.http.Pragma;
    }
}

sub vcl_backend_response {
    # which instance rendered it, for the logs and for tracing a stale page
    set beresp.http.X-Backend = beresp.backend.name;
    if (beresp.status == 200 && beresp.http.xkey && !beresp.http.Set-Cookie
            && beresp.http.Cache-Control ~ "public"
            && beresp.http.Cache-Control !~ "(private|no-store|no-cache)") {
        # Tagged: the application purges it when it changes, so it is kept long,
        # whatever the browsers' Cache-Control says (it is sent on unchanged).
        # Grace: after a soft purge, or once the day is over, the old copy is
        # served for up to an hour while one fetch gets the new one.
        set beresp.ttl = 1d;
        set beresp.grace = 1h;
        set beresp.http.x-tagged = "1";
        return (deliver);
    }
    if (!beresp.http.Cache-Control || beresp.http.Cache-Control !~ "(public|max-age)") {
        # not declared cacheable: not kept (for 2 minutes, requests go straight
        # to the application)
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # untagged but public (static assets): the application's s-maxage/max-age
}

sub vcl_deliver {
    if (resp.http.x-tagged) {
        # kept fresh by purges: the browser's max-age counts from now, not from
        # when this copy was fetched
        set resp.http.Age = "0";
        unset resp.http.x-tagged;
    }
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
