package dev.lazyinit.faults;

/** The faults the failure-semantics suite drives, in the order the table shows them. */
enum Fault {
    SERVER_DOWN("server down at first access, then back",
            "The server is stopped when the cold holder is first used, then started again; get() is called again."),
    WRONG_PASSWORD("wrong password",
            "The store's password is wrong (a canary that must appear in no message, log or report)."),
    UNKNOWN_DATABASE("unknown database",
            "The URL names a database that does not exist."),
    MALFORMED_URL("malformed JDBC URL",
            "The URL cannot be parsed (a port that is not a number)."),
    FACTORY_THROWS_ONCE("factory throws once",
            "The factory throws an ordinary exception on its first call and succeeds afterwards."),
    RESTART_WHILE_WARM("server restart while warm",
            "A warm holder's server is stopped and started again; the store must recover without being re-created."),
    SLOW_FIRST_CREATION("slow first creation, waiters, interrupt",
            "The first creation is held in the factory until every later caller is seen waiting for it or building"
                    + " its own, then goes on through a slow proxy that holds every new connection; one of the later"
                    + " callers is interrupted while the creation is held."),
    CLOSE_DURING_CREATION("close() during first creation",
            "close() is called while another thread is inside the first, slow creation.");

    private final String title;
    private final String description;

    Fault(String title, String description) {
        this.title = title;
        this.description = description;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }
}
