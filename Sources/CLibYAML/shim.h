// The system libyaml (Debian libyaml-dev, Homebrew libyaml). Yams vendors its own
// copy as `CYaml`; we link the system one, so this module has a different name.
#include <yaml.h>
