import CEL
import EssenceCore
