#!/usr/bin/env bash
# Runs Kannel (bearerbox + smsbox) with Kannel's fake SMSC in the foreground, for trying the hall server's
# SMS by hand. Uses the same kannel.conf.in as the tests. Prints each message the fake SMSC receives,
# decoded. Ctrl-C (or SIGTERM) stops all three.
#
#   tests/support/kannel/run-kannel.sh [WORK_DIR] [BASE_PORT]
#
# Ports: BASE_PORT admin, +1 smsbox, +2 sendsms (sms.kannel_port), +3 fake SMSC. Default base 24000.
# The matching hall.conf lines are printed at start.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=${1:-$(mktemp -d /tmp/hall-kannel.XXXXXX)}
base=${2:-24000}
bearerbox=${BEARERBOX:-/usr/sbin/bearerbox}
smsbox=${SMSBOX:-/usr/sbin/smsbox}
fakesmsc=${FAKESMSC:-/usr/lib/kannel/test/fakesmsc}
for program in "$bearerbox" "$smsbox" "$fakesmsc"; do
    [ -x "$program" ] || { echo "run-kannel: $program not found (apt-get install kannel kannel-extras)" >&2; exit 1; }
done

mkdir -p "$work"
admin=$base smsbox_port=$((base + 1)) sendsms=$((base + 2)) fake=$((base + 3))
sed -e "s/@ADMIN_PORT@/$admin/" -e "s/@SMSBOX_PORT@/$smsbox_port/" -e "s/@SENDSMS_PORT@/$sendsms/" \
    -e "s/@FAKE_SMSC_PORT@/$fake/" -e "s/@ADMIN_PASSWORD@/admin-secret/" -e "s/@STATUS_PASSWORD@/status-secret/" \
    -e "s/@SMSC_ID@/FAKE/" -e "s/@SENDER@/10086/" -e "s/@USERNAME@/hall/" -e "s/@PASSWORD@/sendsms-secret/" \
    "$here/kannel.conf.in" > "$work/kannel.conf"
cd "$work"

# Each program is started directly (not through a subshell) so that $! is its own PID.
"$bearerbox" -v 1 kannel.conf > bearerbox.log 2>&1 &
bb=$!
pids=("$bb")
stop() {
    trap - INT TERM EXIT
    kill -TERM "$bb" 2>/dev/null || true # bearerbox tells smsbox to stop and drops the fake SMSC
    for _ in $(seq 60); do
        alive=0
        for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ $alive -eq 0 ] && break
        sleep 0.05
    done
    for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

status() { curl -fsS "http://127.0.0.1:$admin/status.txt?password=status-secret" 2>/dev/null; }
for _ in $(seq 100); do status > /dev/null && break; sleep 0.05; done
status > /dev/null || { echo "run-kannel: bearerbox did not start; see $work/bearerbox.log" >&2; exit 1; }

"$fakesmsc" -H 127.0.0.1 -r "$fake" -m 0 "100 200 text unused" > fakesmsc.log 2>&1 &
pids+=("$!")
"$smsbox" -v 1 kannel.conf > smsbox.log 2>&1 &
pids+=("$!")
for _ in $(seq 100); do
    s=$(status || true)
    if grep -q "FAKE:$fake (online" <<< "$s" && grep -q "(on-line" <<< "$s"; then break; fi
    sleep 0.05
done

cat <<CONF
run-kannel: ready in $work. For hall.conf:
sms.enabled = true
sms.kannel_host = 127.0.0.1
sms.kannel_port = $sendsms
sms.username = hall
sms.password = sendsms-secret
sms.smsc = FAKE
run-kannel: messages received by the fake SMSC follow (Ctrl-C stops).
CONF

# Decode "<from to ucs-2 payload>" lines: payload is URL-encoded UTF-16BE.
tail -n +1 -f --pid="$bb" fakesmsc.log | python3 -u -c '
import sys, urllib.parse
for line in sys.stdin:
    if "Got message" not in line:
        continue
    fields = line[line.index("<") + 1:line.rindex(">")].split(" ")
    frm, to, kind, payload = (fields + [""] * 4)[:4]
    raw = urllib.parse.unquote_to_bytes(payload.replace("+", "%20"))
    text = raw.decode("utf-16-be", "replace") if kind == "ucs-2" else raw.decode("latin-1")
    print(f"{frm} -> {to} [{kind}] {text}", flush=True)
' &
pids+=("$!")
wait "$bb"
