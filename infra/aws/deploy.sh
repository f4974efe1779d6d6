#!/usr/bin/env bash
# genreflow on AWS or LocalStack, from infra/aws (infra/aws/README.md walks through it).
#   deploy.sh install-cli            the pinned CDK CLI (aws-cdk 2.1148.1, aws-cdk-local 3.0.4) under .cdk-cli/
#   deploy.sh build                  package the functions, the worker image context and this app
#   deploy.sh synth [-c k=v ...]     cdk synth: the CloudFormation template under cdk.out/
#   deploy.sh deploy aws|localstack [-c k=v ...]   bootstrap (once per account and region) and deploy
#   deploy.sh upload aws|localstack FILE           copy FILE to s3://<bucket>/uploads/
#   deploy.sh verdict aws|localstack NAME          wait for and print the verdict of uploads/NAME
#   deploy.sh dashboard aws          the dashboard's URL, and how to create its first user
#   deploy.sh destroy aws|localstack [-c k=v ...]  delete the stack (the bucket and user pool are kept)
#   deploy.sh synth-check            CI: the pinned CLI synthesises the default deployment offline
# Context keys (bucketName, queuePrefix, representations, classifierRuntime[.<rep>], splitterNative,
# dashboard, memory.<fn>, timeout.<fn>, ...) are listed in infra/aws/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$here"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1
export CDK_DISABLE_VERSION_CHECK=1
# Nothing leaves the machine: no telemetry (the synthesis must work offline, in CI too).
export CDK_DISABLE_CLI_TELEMETRY=true

CDK_VERSION=2.1148.1
CDKLOCAL_VERSION=3.0.4
cli=$here/.cdk-cli/node_modules/.bin

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

java_home() {
  if [[ -n ${JAVA_HOME:-} ]]; then echo "$JAVA_HOME"; return; fi
  local candidate
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/temurin-2[1-9]-jdk-* /usr/lib/jvm/java-2[1-9]-openjdk-*; do
    [[ -x $candidate/bin/java ]] && { echo "$candidate"; return; }
  done
  echo "no JDK 21+ found; set JAVA_HOME" >&2; exit 1
}

installed_version() { node -p "require('$here/.cdk-cli/node_modules/$1/package.json').version" 2>/dev/null || true; }

install_cli() {
  if [[ $(installed_version aws-cdk) == "$CDK_VERSION" && $(installed_version aws-cdk-local) == "$CDKLOCAL_VERSION" ]]; then
    return
  fi
  # Project-local and pinned: npm's newest CDK CLI cannot read what aws-cdk-lib 2.263.0 writes.
  npm install --prefix "$here/.cdk-cli" --no-audit --no-fund --prefer-offline \
    "aws-cdk@$CDK_VERSION" "aws-cdk-local@$CDKLOCAL_VERSION" >&2
}

require_cli() {
  [[ -x $cli/cdk ]] || { echo "the CDK CLI is not installed here: run infra/aws/deploy.sh install-cli" >&2; exit 1; }
}

require_app() {
  [[ -f target/app-classpath.txt && -d target/classes ]] ||
    { echo "the app is not built: run infra/aws/deploy.sh build" >&2; exit 1; }
}

# The CDK CLI for a target: cdklocal points every AWS call at LocalStack (http://localhost:4566).
cdk_for() {
  case "$1" in
    aws) echo "$cli/cdk" ;;
    localstack) echo "$cli/cdklocal" ;;
    *) echo "target must be aws or localstack, got '$1'" >&2; exit 1 ;;
  esac
}

aws_for() {
  case "$1" in
    aws) echo aws ;;
    localstack) command -v awslocal >/dev/null && echo awslocal || echo "aws --endpoint-url=http://localhost:4566" ;;
    *) echo "target must be aws or localstack, got '$1'" >&2; exit 1 ;;
  esac
}

# LocalStack's community edition has no Cognito, API Gateway v2 or ECS: leave the dashboard out
# unless the caller asks for it (LocalStack Pro has them).
localstack_defaults() {
  [[ " $* " == *" dashboard="* ]] || echo "-c dashboard=false"
}

# An output of the deployed stack, from the file cdk deploy wrote.
output() {
  local file=cdk.out/outputs-$1.json
  [[ -f $file ]] || { echo "no $file: deploy first" >&2; exit 1; }
  node -e "const o=require('$here/$file'); const s=Object.values(o)[0]; if (!(process.argv[1] in s)) process.exit(1); console.log(s[process.argv[1]])" "$2"
}

cmd=${1:-}
[[ -n $cmd ]] || { usage; exit 1; }
shift
case "$cmd" in
  install-cli) install_cli ;;
  build) (cd "$root" && JAVA_HOME=$(java_home) ./mvnw -B -q -pl infra/aws -am package -DskipTests) ;;
  run-app)
    require_app
    exec "$(java_home)/bin/java" -cp "target/classes:$(cat target/app-classpath.txt)" io.genreflow.infra.aws.GenreflowApp ;;
  synth)
    require_cli; require_app
    "$cli/cdk" synth --no-notices --quiet "$@" ;;
  synth-check)
    require_cli; require_app
    out=target/cli-synth
    rm -rf "$out"
    "$cli/cdk" synth --no-notices --quiet --output "$out" >/dev/null
    [[ -s $out/Genreflow.template.json ]] || { echo "cdk synth wrote no template" >&2; exit 1; }
    echo "cdk $("$cli/cdk" --version 2>/dev/null | awk '{print $1}') synthesised $out/Genreflow.template.json" ;;
  deploy)
    target=${1:?deploy aws|localstack}; shift
    require_cli; require_app
    cdk=$(cdk_for "$target")
    # shellcheck disable=SC2046
    set -- "$@" $([[ $target == localstack ]] && localstack_defaults "$@")
    "$cdk" bootstrap --no-notices "$@"
    "$cdk" deploy --no-notices --require-approval never --outputs-file "cdk.out/outputs-$target.json" "$@" ;;
  upload)
    target=${1:?upload aws|localstack FILE}; file=${2:?upload aws|localstack FILE}
    $(aws_for "$target") s3 cp "$file" "s3://$(output "$target" BucketName)/uploads/$(basename "$file")" ;;
  verdict)
    # Waits up to GENREFLOW_VERDICT_WAIT seconds (120) for the verdict copy to appear.
    target=${1:?verdict aws|localstack NAME}; name=${2:?verdict aws|localstack NAME}
    key="s3://$(output "$target" BucketName)/verdicts/$name.json"
    deadline=$((SECONDS + ${GENREFLOW_VERDICT_WAIT:-120}))
    until $(aws_for "$target") s3 cp "$key" - 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        echo "no $key yet: the track is still processing or failed; its tracks/<id>/track.json says which" >&2
        exit 1
      fi
      sleep 3
    done ;;
  dashboard)
    target=${1:-aws}
    url=$(output "$target" DashboardUrl) || { echo "this deployment has no dashboard (-c dashboard=false)" >&2; exit 1; }
    pool=$(output "$target" UserPoolId)
    echo "dashboard: $url"
    echo "first user: $(aws_for "$target") cognito-idp admin-create-user --user-pool-id $pool --username you@example.org"
    echo "sign-in pages: $(output "$target" SignInDomain)" ;;
  destroy)
    target=${1:?destroy aws|localstack}; shift
    require_cli; require_app
    # shellcheck disable=SC2046
    set -- "$@" $([[ $target == localstack ]] && localstack_defaults "$@")
    "$(cdk_for "$target")" destroy --no-notices --force "$@"
    echo "kept: the bucket (delete it with: $(aws_for "$target") s3 rb --force s3://<bucket>) and the user pool" ;;
  *) usage; exit 1 ;;
esac
