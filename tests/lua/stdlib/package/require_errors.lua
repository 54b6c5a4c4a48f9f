-- require's own checks
print(pcall(require))
print(pcall(require, {}))
print(pcall(require, 42))
package.searchers = nil
print(pcall(require, "zz"))
package.searchers = {}
print(pcall(require, "zz"))
print(require("os") == os)
