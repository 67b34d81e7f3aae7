#!/usr/bin/env bash
# RADIUS benchmark: MoonKnight against FreeRADIUS 3.2 with rlm_sql, same PostgreSQL, same load generator.
#   bash bench/radius/run.sh            # 100,000 subscribers, 20 s per measurement
#   USERS=20000 DURATION=10 RATE=10000 bash bench/radius/run.sh
#   MK_JAVA_OPTS="-XX:MaxGCPauseMillis=10" bash bench/radius/run.sh   # MoonKnight's JVM options (default ZGC)
# Needs: the PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres); installs freeradius and
# freeradius-postgresql when missing (Debian). Prints the figures side by side.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${USERS:-100000}
SECONDS_PER_RUN=${DURATION:-20}
THREADS=${THREADS:-16}
ACCT_THREADS=${ACCT_THREADS:-256}   # NAS fleets send accounting from many sessions at once
RATE=${RATE:-10000}                 # the fixed offered load for the latency measurement (Access-Requests/s)
DB=moonknight_bench
WORK=${WORK:-/tmp/moonknight-radius-bench}
SECRET=bench-secret-1
KEY=$(printf 'moonknight-radius-benchmark-key!' | base64)   # 32 bytes: the encryption key both sides share
MK_HTTP=18080; MK_AUTH=18120; MK_ACCT=18130; FR_AUTH=28120; FR_ACCT=28130
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

missing=()
command -v freeradius >/dev/null || missing+=(freeradius)
[ -e /usr/lib/freeradius/rlm_sql_postgresql.so ] || missing+=(freeradius-postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
JAVA=$(ls -d /usr/lib/jvm/temurin-25* | head -1)/bin/java

rm -rf "$WORK"; mkdir -p "$WORK"
pkill -f "moonknight-radius-bench" 2>/dev/null || true
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"

echo "== building and starting MoonKnight"
./mvnw -q -B -ntp -DskipTests package
JAR=$(ls target/moonknight-*.jar | grep -v plain | head -1)
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" "$JAVA" -Xmx1g ${MK_JAVA_OPTS:--XX:+UseZGC} -Dbench=moonknight-radius-bench -jar "$JAR" \
    --server.port=$MK_HTTP --moonknight.data-dir="$WORK/data" --moonknight.demo.enabled=false \
    --moonknight.platform.admin-password=bench-operator-password --moonknight.security.encryption-key="$KEY" \
    --moonknight.radius.auth-port=$MK_AUTH --moonknight.radius.acct-port=$MK_ACCT \
    --moonknight.radius.bind-address=127.0.0.1 --logging.level.root=WARN > "$WORK/moonknight.log" 2>&1 &
MK_PID=$!
trap 'kill $MK_PID 2>/dev/null || true; pkill -f "$WORK/raddb" 2>/dev/null || true' EXIT
until curl -sf localhost:$MK_HTTP/actuator/health >/dev/null; do sleep 1; done

api() { curl -sS --fail-with-body -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" "$@"; }
json() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
TOKEN=$(curl -sS --fail-with-body localhost:$MK_HTTP/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"username":"operator","password":"bench-operator-password"}' | json '["accessToken"]')
TENANT=$(api localhost:$MK_HTTP/api/v1/platform/tenants -d '{"slug":"bench","name":"Bench ISP","timezone":"UTC",
    "currency":"USD","locale":"en","admin":{"username":"admin","email":"admin@bench.test","fullName":"Bench Admin",
    "password":"bench-staff-passphrase-9"}}' | json '["id"]')
TOKEN=$(curl -sS --fail-with-body localhost:$MK_HTTP/api/v1/auth/login -H 'content-type: application/json' \
    -d '{"tenant":"bench","username":"admin","password":"bench-staff-passphrase-9"}' | json '["accessToken"]')
api localhost:$MK_HTTP/api/v1/nas -d "{\"name\":\"Bench NAS\",\"vendor\":\"MIKROTIK\",\"address\":\"127.0.0.1\",
    \"secret\":\"$SECRET\"}" >/dev/null
PLAN=$(api localhost:$MK_HTTP/api/v1/plans -d '{"code":"B20","name":"Bench 20","billingType":"MONTHLY_POSTPAID",
    "price":"20","downloadKbps":20000,"uploadKbps":10000}' | json '["id"]')
CUSTOMER=$(api localhost:$MK_HTTP/api/v1/customers -d '{"type":"INDIVIDUAL","firstName":"Bench","lastName":"Load",
    "phones":["+8801711000001"]}' | json '["id"]')

echo "== seeding $USERS subscribers (MoonKnight tables and FreeRADIUS radcheck/radreply, same database)"
"$JAVA" bench/radius/Seed.java moonknight "$TENANT" "$CUSTOMER" "$PLAN" "$USERS" "$KEY" | $PSQL -d $DB -c "\copy
    subscriptions.subscriptions (id, tenant_id, customer_id, plan_id, access_type, username, password_sealed,
    ipv4_mode, ipv6_mode, start_date, status, status_changed_at, activated_at, created_at, updated_at) from stdin csv"
$PSQL -d $DB -f /etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql >/dev/null
"$JAVA" bench/radius/Seed.java freeradius "$USERS" | $PSQL -d $DB -c "\copy radcheck (username, attribute, op, value) from stdin csv"
$PSQL -d $DB -c "insert into radreply (username, attribute, op, value)
    select username, 'Mikrotik-Rate-Limit', '=', '10M/20M' from radcheck" -c "analyze"

echo "== configuring FreeRADIUS (rlm_sql on PostgreSQL)"
cp -r /etc/freeradius/3.0 "$WORK/raddb"
rm -f "$WORK/raddb/sites-enabled/"* "$WORK/raddb/mods-enabled/"*
for module in pap always expr; do ln -s ../mods-available/$module "$WORK/raddb/mods-enabled/$module"; done
cat > "$WORK/raddb/sites-enabled/bench" <<CONF
server bench {
    listen {
        type = auth
        ipaddr = 127.0.0.1
        port = $FR_AUTH
    }
    listen {
        type = acct
        ipaddr = 127.0.0.1
        port = $FR_ACCT
    }
    authorize {
        sql
        pap
    }
    authenticate {
        Auth-Type PAP {
            pap
        }
    }
    preacct {
        acct_unique
    }
    accounting {
        sql
    }
}
CONF
cat > "$WORK/raddb/clients.conf" <<CONF
client bench {
    ipaddr = 127.0.0.1
    secret = $SECRET
    require_message_authenticator = yes
}
CONF
sed -e 's/dialect = "sqlite"/dialect = "postgresql"/' -e 's/driver = "rlm_sql_null"/driver = "rlm_sql_postgresql"/' \
    -e 's/^\s*#\?\s*server = .*/\tserver = "127.0.0.1"/' -e 's/^\s*#\?\s*port = 3306/\tport = 5432/' \
    -e 's/^\s*#\?\s*login = .*/\tlogin = "postgres"/' -e 's/^\s*#\?\s*password = .*/\tpassword = ""/' \
    -e "s/radius_db = \"radius\"/radius_db = \"$DB\"/" -e 's/^\s*start = .*/\t\tstart = 8/' \
    -e 's/^\s*min = .*/\t\tmin = 8/' -e 's/^\s*max = .*/\t\tmax = 32/' \
    "$WORK/raddb/mods-available/sql" > "$WORK/raddb/mods-enabled/sql"
sed -i -e 's/max_servers = .*/max_servers = 32/' -e 's/start_servers = .*/start_servers = 16/' \
    -e 's/max_spare_servers = .*/max_spare_servers = 24/' -e 's/^\s*user = freerad/#&/' -e 's/^\s*group = freerad/#&/' \
    "$WORK/raddb/radiusd.conf"
freeradius -d "$WORK/raddb" -l "$WORK/freeradius.log" -C >/dev/null || { cat "$WORK/freeradius.log"; exit 1; }
freeradius -d "$WORK/raddb" -l "$WORK/freeradius.log"
sleep 2

load() { # mode host port secret users threads seconds [prefix] [-Dproperty...]
    local properties=(); local arguments=()
    for a in "$@"; do if [[ $a == -D* ]]; then properties+=("$a"); else arguments+=("$a"); fi; done
    "$JAVA" -Xss512k ${LOAD_JAVA_OPTS:-} "${properties[@]}" bench/radius/RadiusLoad.java "${arguments[@]}"
}
echo "== warming up (one pass over the subscribers on each server)"
load auth 127.0.0.1 $MK_AUTH $SECRET "$USERS" $THREADS 10 >/dev/null
load auth 127.0.0.1 $FR_AUTH $SECRET "$USERS" $THREADS 10 >/dev/null

echo "== Access-Request, $THREADS concurrent clients, ${SECONDS_PER_RUN}s each"
MK=$(load auth 127.0.0.1 $MK_AUTH $SECRET "$USERS" $THREADS "$SECONDS_PER_RUN"); echo "MoonKnight  $MK"
FR=$(load auth 127.0.0.1 $FR_AUTH $SECRET "$USERS" $THREADS "$SECONDS_PER_RUN"); echo "FreeRADIUS  $FR"

echo "== Access-Request at a fixed $RATE/s offered (open loop: latency counted from when each request was due)"
MKR=$(load auth 127.0.0.1 $MK_AUTH $SECRET "$USERS" 64 "$SECONDS_PER_RUN" -Drate=$RATE); echo "MoonKnight  $MKR"
FRR=$(load auth 127.0.0.1 $FR_AUTH $SECRET "$USERS" 64 "$SECONDS_PER_RUN" -Drate=$RATE); echo "FreeRADIUS  $FRR"

echo "== Interim-Update, $ACCT_THREADS concurrent clients, ${SECONDS_PER_RUN}s each"
MKA=$(load acct 127.0.0.1 $MK_ACCT $SECRET "$USERS" $ACCT_THREADS "$SECONDS_PER_RUN" MK); echo "MoonKnight  $MKA"
FRA=$(load acct 127.0.0.1 $FR_ACCT $SECRET "$USERS" $ACCT_THREADS "$SECONDS_PER_RUN" FR); echo "FreeRADIUS  $FRA"
sleep 1
MK_STORED=$($PSQL -d $DB -At -c "select coalesce(sum(input_octets), 0) from radius.usage_daily where tenant_id = '$TENANT'")
FR_STORED=$($PSQL -d $DB -At -c "select coalesce(sum(acctinputoctets), 0) from radacct")

field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }
python3 - "$MK" "$FR" "$MKA" "$FRA" "$MK_STORED" "$FR_STORED" "$MKR" "$FRR" <<'PY'
import sys
def parse(line): return dict(kv.split('=', 1) for kv in line.split() if '=' in kv)
mk, fr, mka, fra = (parse(a) for a in sys.argv[1:5])
mk_stored, fr_stored = int(sys.argv[5]), int(sys.argv[6])
mkr, frr = parse(sys.argv[7]), parse(sys.argv[8])
rate = lambda d: float(d['rate'].rstrip('/s'))
print()
print(f"{'':28}{'MoonKnight':>14}{'FreeRADIUS+SQL':>16}{'ratio':>8}")
print(f"{'Access-Request /s':28}{rate(mk):>14.0f}{rate(fr):>16.0f}{rate(mk)/max(rate(fr),1):>8.1f}")
print(f"{'  p50 latency':28}{mk['p50']:>14}{fr['p50']:>16}")
print(f"{'  p99 latency':28}{mk['p99']:>14}{fr['p99']:>16}")
print(f"{'  accepted / timeouts':28}{mk['ok']+' / '+mk['timeouts']:>14}{fr['ok']+' / '+fr['timeouts']:>16}")
print(f"{'At '+mkr['offered']+' offered':28}{mkr['rate']:>14}{frr['rate']:>16}")
print(f"{'  p50 latency':28}{mkr['p50']:>14}{frr['p50']:>16}")
print(f"{'  p99 latency':28}{mkr['p99']:>14}{frr['p99']:>16}")
print(f"{'  timeouts':28}{mkr['timeouts']:>14}{frr['timeouts']:>16}")
print(f"{'Interim-Update /s':28}{rate(mka):>14.0f}{rate(fra):>16.0f}{rate(mka)/max(rate(fra),1):>8.1f}")
print(f"{'  p99 latency':28}{mka['p99']:>14}{fra['p99']:>16}")
print(f"{'  octets acknowledged':28}{mka['octets']:>14}{fra['octets']:>16}")
print(f"{'  octets stored':28}{mk_stored:>14}{fr_stored:>16}")
print(f"{'  lost':28}{int(mka['octets'])-mk_stored:>14}{int(fra['octets'])-fr_stored:>16}")
PY
