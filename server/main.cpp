// hall-server: the hall's TLS server. Everything but the entry point lives in hall_server_core.
#include "net/hall_server.h"

int main(int argc, char** argv) {
    return hall::server::serverMain(argc, argv);
}
