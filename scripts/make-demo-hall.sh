#!/usr/bin/env bash
# Creates the demo hall: the Puyang Sunshine Building with one device of each kind and a few staff
# accounts with random passwords (written to DIR/DEMO-ACCOUNTS.txt, readable by the owner only).
#   scripts/make-demo-hall.sh BUILD_DIR DATA_DIR
set -euo pipefail
build=$1
data=$2
hallctl="$build/tools/hallctl/hallctl"

if [ -e "$data/hall.db" ]; then
    echo "make-demo-hall: $data already holds a hall; leaving it as it is"
    exit 0
fi

"$hallctl" init --data-dir "$data" --hall-name "濮阳市阳光大厦"
"$hallctl" catalog import --data-dir "$data" --file resources/halls/puyang.json >/dev/null
# The port the server listens on is also the one each device's connection.ini names.
printf '\n# Demo hall: where hall.sh starts the server.\nlisten = 127.0.0.1:%s\n' "${HALL_PORT:-7443}" >>"$data/hall.conf"
# A demonstration hall takes numbers at any hour: its day is not closed in the evening (a real hall keeps
# the default close time, see docs/queue.md).
cat >>"$data/hall.conf" <<'CONF'

# Demo hall: the service day changes at 05:00 and is not closed before that.
queue.reset_time = 05:00
queue.close_time = 05:00
CONF

devices="$data/devices"
mkdir -p "$devices"
add_device() { # role name [window] [floor]
    local role=$1 name=$2 window=${3:-} floor=${4:-0}
    local args=(device add --data-dir "$data" --role "$role" --name "$name" --floor "$floor" --out "$devices/$name")
    [ -n "$window" ] && args+=(--window "$window")
    "$hallctl" "${args[@]}" >/dev/null
}
add_device admin hallctl-admin "" 0
add_device clerk-pc clerk-2-07 2-07 2
add_device clerk-pc clerk-1-03 1-03 1
add_device admin supervisor-desk "" 0
add_device tablet tablet-2-07 2-07 2
add_device kiosk K-1F-01 "" 1
add_device display led-2f "" 2

accounts="$data/DEMO-ACCOUNTS.txt"
umask 077
: >"$accounts"
add_account() { # username display-name role department staff-number
    local password
    password=$(openssl rand -base64 12 | tr -d '/+=' | cut -c1-12)
    printf '%s\n' "$password" | "$hallctl" account add --data-dir "$data" --username "$1" --display-name "$2" \
        --role "$3" --department "$4" --staff-number "$5" --password-stdin >/dev/null
    printf '%-14s %-12s %s\n' "$1" "$3" "$password" >>"$accounts"
}
add_account admin "系统管理员" admin "阳光大厦管理中心" A-0001
add_account wang.fang "王芳" supervisor "电子监察室" S-0001
add_account li.ming "李明" clerk "市场监督管理局" C-0207
add_account zhao.lei "赵磊" clerk "医疗保障局" C-0103

echo "make-demo-hall: created $data (devices in $devices, demo passwords in $accounts)"
