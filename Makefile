# InstantOnRemediate build entry points (DESIGN.md §4). `make test` is what CI runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

DOTNET      ?= dotnet
CONFIG      ?= Release
RID         ?= linux-x64
ARTIFACTS   := $(CURDIR)/artifacts
LAMBDA_PROJ := functions/InstantOnRemediate.Lambda/InstantOnRemediate.Lambda.csproj
CLI_PROJ    := functions/InstantOnRemediate.Cli/InstantOnRemediate.Cli.csproj
BENCH_PROJ  := tests/InstantOnRemediate.Benchmarks/InstantOnRemediate.Benchmarks.csproj
TEST_PROJS  := $(sort $(wildcard tests/*.Tests/*.Tests.csproj))
RESULTS     := $(ARTIFACTS)/test-results
CLI         := $(ARTIFACTS)/cli/instanton-remediate
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
# Tests and the demo never reach AWS: static credentials, no instance metadata.
export AWS_EC2_METADATA_DISABLED := true

.PHONY: help deps build cli publish demo test bench check-glibc clean \
        build-DetectFunction build-RunbookFunction build-ReconcileFunction

help:
	@echo "make demo     - run the EKS case end to end locally (no AWS account)"
	@echo "make test     - install what is missing, run every test, print 'N passed, N failed'"
	@echo "make cli      - build artifacts/cli/instanton-remediate"
	@echo "make publish  - native AOT artifacts/lambda/bootstrap + bootstrap.zip"
	@echo "make bench    - benchmarks (see docs/performance.md)"

# What a fresh machine may lack. The .NET SDK, python3 with moto/botocore/cfn-lint come with the image.
deps:
	@command -v $(DOTNET) >/dev/null || { echo "dotnet SDK not found"; exit 2; }
	@command -v gcc >/dev/null || { apt-get update -qq && apt-get install -y -qq gcc zlib1g-dev >/dev/null; }
	@command -v zip >/dev/null || { apt-get update -qq && apt-get install -y -qq zip >/dev/null; }
	@python3 -c 'import moto, botocore, cfnlint' 2>/dev/null || { echo "python3 with moto, botocore and cfn-lint is required (machine image)"; exit 2; }
	@$(DOTNET) restore InstantOnRemediate.sln -v q >/dev/null

build: deps
	$(DOTNET) build InstantOnRemediate.sln -c $(CONFIG) --no-restore -v q -nologo

cli: deps
	$(DOTNET) publish $(CLI_PROJ) -c $(CONFIG) -r $(RID) --self-contained false -p:PublishAot=false -o $(ARTIFACTS)/cli -v q -nologo
	@test -x $(CLI)

# Native AOT for provided.al2023. Warnings are errors in the build; the log check below also fails the target on
# any trim (IL2xxx) or AOT (IL3xxx) analysis warning the ILCompiler prints.
publish: deps
	@mkdir -p $(ARTIFACTS)/lambda
	$(DOTNET) publish $(LAMBDA_PROJ) -c $(CONFIG) -r $(RID) -o $(ARTIFACTS)/lambda-build -v q -nologo 2>&1 | tee $(ARTIFACTS)/lambda/publish.log
	@if grep -E "warning IL[0-9]+" $(ARTIFACTS)/lambda/publish.log; then echo "publish: trim/AOT warnings (see above)"; exit 1; fi
	@install -m 0755 $(ARTIFACTS)/lambda-build/bootstrap $(ARTIFACTS)/lambda/bootstrap
	@$(MAKE) --no-print-directory check-glibc
	@cd $(ARTIFACTS)/lambda && rm -f bootstrap.zip && zip -q -X bootstrap.zip bootstrap
	@ls -l $(ARTIFACTS)/lambda/bootstrap $(ARTIFACTS)/lambda/bootstrap.zip

# The binary must load on provided.al2023 (glibc 2.34).
check-glibc:
	@test -f $(ARTIFACTS)/lambda/bootstrap || { echo "check-glibc: $(ARTIFACTS)/lambda/bootstrap not built (make publish)"; exit 2; }
	@python3 scripts/check-glibc.py $(ARTIFACTS)/lambda/bootstrap 2.34

demo: cli
	@bash scripts/demo.sh $(CLI)

test: deps publish cli
	@rm -rf $(RESULTS)
	@set +e; $(DOTNET) test InstantOnRemediate.sln -c $(CONFIG) --no-restore -nologo -v q \
	    --logger "trx" --logger "console;verbosity=minimal" --results-directory $(RESULTS) \
	    -- RunConfiguration.TestSessionTimeout=3000000 > $(ARTIFACTS)/test-output.log 2>&1; rc=$$?; \
	  grep -E "^\s*(Failed|error) " $(ARTIFACTS)/test-output.log | head -50 || true; \
	  python3 scripts/test-summary.py $(RESULTS) $(words $(TEST_PROJS)); s=$$?; \
	  if [ $$rc -ne 0 ] && [ $$s -eq 0 ]; then tail -30 $(ARTIFACTS)/test-output.log; echo "0 passed, 1 failed"; exit 1; fi; exit $$s

bench: deps publish
	@bash scripts/bench.sh

# SAM: BuildMethod makefile calls build-<LogicalId> with ARTIFACTS_DIR set; all three functions ship the same
# bootstrap, the handler is chosen by _HANDLER (the template's Handler).
build-DetectFunction build-RunbookFunction build-ReconcileFunction:
	@test -n "$(ARTIFACTS_DIR)" || { echo "$@: ARTIFACTS_DIR is not set (this target is called by sam build)"; exit 2; }
	@test -x $(ARTIFACTS)/lambda/bootstrap || $(MAKE) --no-print-directory publish
	install -m 0755 $(ARTIFACTS)/lambda/bootstrap $(ARTIFACTS_DIR)/bootstrap

clean:
	rm -rf $(ARTIFACTS) */*/bin */*/obj

# Organisation deployment (docs/deploy-org.md): the SAM template expanded offline to plain CloudFormation for a
# service-managed StackSet (no Transform; code location as the parameters CodeS3Bucket/CodeS3Key). cfn-lint must
# find no error in it (exit-code bits 1|2; warnings are shown).
.PHONY: org-template
org-template:
	@mkdir -p $(ARTIFACTS)/org
	python3 scripts/org-template.py template.yaml $(ARTIFACTS)/org/instanton-remediate.json
	@set +e; cfn-lint --format parseable -- $(ARTIFACTS)/org/instanton-remediate.json; rc=$$?; \
	  if [ $$((rc & 3)) -ne 0 ]; then echo "org-template: cfn-lint errors (exit $$rc)"; exit 1; fi
