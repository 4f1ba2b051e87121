// The worker thread that lints long replies, so that the server keeps answering meanwhile (see off-thread.ts).
import {serveLintWorker} from 'tactful'

serveLintWorker()
